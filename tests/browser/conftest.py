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


@pytest.fixture
def watched_page(browser, site_url):
    """A fresh page (light scheme, desktop size) that records errors and off-site requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, urlparse(site_url).netloc)
    yield watch
    context.close()
