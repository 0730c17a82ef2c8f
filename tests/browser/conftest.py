"""The built site served on 127.0.0.1 and opened in Debian's chromium through pytest-playwright.

pytest-playwright's `browser` fixture launches Chromium as the tools do (lstm_site/browser.py).
"""

import os
import subprocess
import sys
from urllib.parse import urlparse

import pytest
from filelock import FileLock

from lstm_site.browser import launch_options
from lstm_site.paths import ROOT
from lstm_site.server import wait_until_served
from tests.support.browser import PageWatch


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **launch_options()}


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served where its site_url says (instant navigation needs that).

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


@pytest.fixture(scope="session")
def desktop_context(browser, site_url):
    """This worker's 1280 px context for `watched_page`, with one page of the site kept open: a
    new page then shares its renderer process instead of starting one (about 0.7 CPU-s)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    kept = context.new_page()
    kept.goto(site_url + "404.html", wait_until="load")
    yield context, kept
    context.close()


@pytest.fixture
def watched_page(desktop_context, site_url):
    """A fresh page (light scheme, desktop size) that records errors and off-site requests. What
    an earlier test stored (the scheme a toggle chose) is cleared first."""
    context, kept = desktop_context
    context.clear_cookies()
    kept.evaluate("localStorage.clear()")
    page = context.new_page()
    yield PageWatch(page, urlparse(site_url).netloc)
    page.close()
