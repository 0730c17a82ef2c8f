"""Where things are: the checkout, and the browser every browser test and Lighthouse drive."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Debian's chromium (`make test` installs it); never `playwright install`, which downloads one.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def relative(path: Path) -> str:
    """A path as the checkout names it: `snippets/index/001_the_answer.py`."""
    return path.resolve().relative_to(ROOT).as_posix()
