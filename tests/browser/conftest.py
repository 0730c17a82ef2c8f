"""The built site served on 127.0.0.1 and opened in Debian's chromium through pytest-playwright.

pytest-playwright's `browser` fixture launches Chromium as the tools do (lstm_site/browser.py).
"""

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from urllib.parse import urlparse

import pytest
from filelock import FileLock
from playwright.sync_api import BrowserContext

from lstm_site.browser import launch_options
from lstm_site.paths import ROOT
from lstm_site.server import wait_until_served
from tests.support.browser import DESKTOP, PageWatch


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **launch_options()}


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served where its site_url says (the absolute links it carries point there).

    One server for the whole run, whichever xdist worker asks first; it stops by itself when
    the pytest process that started the run ends.
    """
    started = built_site.site_dir.parent / "server.started"
    with FileLock(str(started) + ".lock"):
        if not started.exists():
            owner = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
            port = str(urlparse(built_site.site_url).port)
            command = [sys.executable, "-m", "lstm_site.server"]
            command += [str(built_site.site_dir), port, str(owner)]
            subprocess.Popen(
                command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            wait_until_served(built_site.site_url)
            started.touch()
    return built_site.site_url


SEARCH_INDEX = "search/search_index.json"  # Material's search fetches it on every page load


@pytest.fixture(scope="session")
def new_context(browser, built_site) -> Callable[..., BrowserContext]:
    """`new_context(**options)`: `browser.new_context(**options)`, whose pages get Material's
    search index with no pages in it. Every page load fetches the index and builds a search index
    of the whole site from it in a worker: a third of the CPU Chromium spends loading a page here,
    and nothing a page shows depends on it. The search tests (test_site.py) open their pages
    from `browser` itself, with the real index."""
    index = built_site.site_dir / SEARCH_INDEX
    assert index.is_file(), f"no {SEARCH_INDEX}: the search plugin writes it elsewhere now"
    empty = {"config": json.loads(index.read_text(encoding="utf-8"))["config"], "docs": []}

    def make(**options) -> BrowserContext:
        context = browser.new_context(**options)
        context.route(f"**/{SEARCH_INDEX}", lambda route: route.fulfill(json=empty))
        return context

    return make


@pytest.fixture(scope="session")
def worker_tab(new_context, site_url) -> Iterator[PageWatch]:
    """This worker's 1280 px tab for `watched_page`, reused test after test: a new context and
    page cost Chromium a renderer process each."""
    context = new_context(viewport=DESKTOP)
    yield PageWatch(context.new_page(), urlparse(site_url).netloc)
    context.close()


@pytest.fixture
def watched_page(worker_tab, site_url) -> Iterator[PageWatch]:
    """A page (light scheme, desktop size) that records errors and off-site requests, as a new
    one would be: what an earlier test stored, its size and scheme are reset, and it is in front
    (a tab that is not may not be drawn)."""
    page = worker_tab.page
    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="screen", color_scheme="light")
    page.bring_to_front()
    worker_tab.clear()
    yield worker_tab
    if page.url.startswith(site_url):  # what the site stored (the scheme a toggle chose)
        page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.context.clear_cookies()
    page.goto("about:blank")  # the page's scripts and timers stop with its test
