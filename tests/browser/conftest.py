"""The built site served on 127.0.0.1 and opened in Debian's chromium through Playwright.

`make test` installs chromium (apt, as root on Debian). Never `playwright install`: it downloads
a browser build, which fails here. Every browser test is in the xdist group "browser", so one
worker serves the site once.
"""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("browser"))


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output stays readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served where its site_url says, for the whole session."""
    port = urlparse(built_site.site_url).port
    handler = functools.partial(QuietHandler, directory=str(built_site.site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield built_site.site_url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `make test` installs it on Debian as root "
            "(apt-get install chromium); elsewhere install Chromium there."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageWatch:
    """A page with every console error and every request to another host recorded."""

    def __init__(self, page, origin: str) -> None:
        self.page, self.console_errors, self.offsite_requests = page, [], []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on(
            "request",
            lambda r: (
                urlparse(r.url).netloc not in ("", origin)
                and not r.url.startswith(("data:", "blob:"))
                and self.offsite_requests.append(r.url)
            ),
        )


@pytest.fixture
def watched_page(browser, site_url):
    """A fresh page (light scheme, desktop size) that records errors and off-site requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, urlparse(site_url).netloc)
    yield watch
    context.close()
