"""The built site served on 127.0.0.1 and opened in Debian's chromium through Playwright.

`make test` installs chromium (apt, as root on Debian). Never `playwright install`: it downloads
a browser build, which fails here.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from filelock import FileLock
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


# The site is served by one process for the whole run, whichever xdist worker asks first; it
# stops by itself when the pytest process that started the run ends. (pytest-xdist's loadgroup
# does not keep these tests on one worker with pytest 9, so a per-worker server would clash.)
SERVER = """
import functools, http.server, os, sys, threading, time
directory, port, owner = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=directory)
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
while True:
    time.sleep(0.5)
    try:
        os.kill(owner, 0)
    except OSError:
        sys.exit(0)
"""


def wait_until_served(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the test server did not answer at {url}")


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served where its site_url says (instant navigation needs that)."""
    started = built_site.site_dir.parent / "server.started"
    with FileLock(str(started) + ".lock"):
        if not started.exists():
            owner = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
            port = str(urlparse(built_site.site_url).port)
            command = [sys.executable, "-c", SERVER, str(built_site.site_dir), port, str(owner)]
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_until_served(built_site.site_url)
            started.touch()
    return built_site.site_url


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
