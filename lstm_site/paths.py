"""Where things are: the checkout, its examples, and the browser the tests and the tools drive."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Every example the build runs and the tests run again: snippets/<page_slug>/NNN_what_it_shows.py
SNIPPETS = "snippets/*/*.py"
NOTEBOOKS = "notebooks/*.py"  # every notebook, a jupytext percent script, under docs/
CLAIMS_PAGE = "claims.md"  # under docs/: lists every claim; every claim block links it
# Debian's chromium (`make test` installs it); never `playwright install`, which downloads one.
CHROMIUM = Path("/usr/bin/chromium")


def relative(path: Path) -> str:
    """A path as the checkout names it: `snippets/index/001_the_answer.py`."""
    return path.resolve().relative_to(ROOT).as_posix()
