"""Every page at 1280 px in Chromium, loaded once for all three checks (support/desktop_walk.py).

One test a page, so that xdist spreads the pages over its workers.

- It loads with no console error and no request to another host.
- What a reader sees, read as a reader does: the HTML source can be right while the page is
  wrong (a hidden copy of each notebook cell shown, a block hidden). `innerText` holds only
  what is rendered: every code block's text (code and outputs) is visible exactly as often as
  the page holds it, and every output the build printed is visible.
- No accessibility violation (axe) in light or in dark.
"""

import json
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from tests.support.browser import DESKTOP, PageWatch
from tests.support.desktop_walk import visit
from tests.support.pages import page_urls_of_sources, soup_of

PAGES = page_urls_of_sources()  # tests/browser/test_rendered.py checks it is every built page

MIN_BLOCK_CHARS = 20  # shorter code (`h_n`) also occurs in prose, so it cannot be counted


def block_problems(seen: dict) -> tuple[list[str], int]:
    """Blocks shown more or fewer times than the page holds them; and how many were checked."""
    problems, checked = [], 0
    for block in sorted(set(seen["blocks"])):
        if len(block) < MIN_BLOCK_CHARS:
            continue
        checked += 1
        held = sum(other.count(block) for other in seen["blocks"])
        shown = seen["text"].count(block)
        if shown != held:
            problems.append(f"shown {shown}x, held {held}x: {block[:70]!r}")
    problems += [f"output not visible: {o['text']!r}" for o in seen["outputs"] if not o["visible"]]
    return problems, checked


@pytest.fixture(scope="session")
def desktop(new_context, site_url) -> Iterator[PageWatch]:
    """One 1280 px tab for this worker's pages, watched: the scheme toggle its context stores
    alternates the scheme pages open in (support/desktop_walk.py)."""
    context = new_context(viewport=DESKTOP, color_scheme="light")
    yield PageWatch(context.new_page(), urlparse(site_url).netloc)
    context.close()


def test_the_not_found_page_loads_without_errors(desktop, site_url):
    seen = visit(desktop, site_url, "404.html", content=False)  # its errors and requests
    assert not seen.console_errors, seen.console_errors
    assert not seen.offsite_requests, seen.offsite_requests


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_every_page_at_desktop_width(desktop, site_url, built_site, path, subtests):
    seen = visit(desktop, site_url, path)

    with subtests.test("the page loads cleanly"):
        assert 200 <= seen.status < 300, seen.status
        assert not seen.console_errors, seen.console_errors
        assert not seen.offsite_requests, seen.offsite_requests

    with subtests.test("every code block and output is visible exactly as often as held"):
        problems, _ = block_problems(seen.seen)
        held = soup_of(built_site.site_dir / path / "index.html").select("article pre")
        assert len(seen.seen["blocks"]) >= len(held), "the walk missed code blocks"
        assert not problems, "\n".join(problems)

    with subtests.test("no accessibility violation in light or dark"):
        assert seen.axe_runs == {"light": 1, "dark": 1}, seen.axe_runs
        assert not seen.violations, json.dumps(seen.violations, indent=1)
