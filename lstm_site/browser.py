"""Open Debian's Chromium: the one way the tools and the tests launch it.

`chromium()` opens it through Playwright (`make screenshots`, `make cheat-sheet-pdf`);
`launch_options()` is what it launches with, which tests/browser/conftest.py hands to
pytest-playwright; Lighthouse starts the same binary with the same FLAGS (lighthouse.py).
"""

import contextlib
from collections.abc import Iterator

from playwright.sync_api import Browser, sync_playwright

from lstm_site.paths import CHROMIUM

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch_options() -> dict:
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: `make test` installs it on Debian as root "
            "(apt-get install chromium); elsewhere install Chromium there."
        )
    return {"executable_path": str(CHROMIUM), "args": FLAGS}


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            yield browser
        finally:
            browser.close()
