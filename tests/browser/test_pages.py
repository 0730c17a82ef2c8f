"""Every page at 1280 px in Chromium, loaded once for all three checks (support/desktop_walk.py).

- It loads with no console error and no request to another host.
- What a reader sees, read as a reader does: the HTML source can be right while the page is
  wrong (a hidden copy of each notebook cell shown, a block hidden). `innerText` holds only
  what is rendered: every code block's text (code and outputs) is visible exactly as often as
  the page holds it, and every output the build printed is visible.
- No accessibility violation (axe) in light or in dark.
"""

import json

from lstm_site.paths import ROOT
from tests.support.desktop_walk import walk_every_page

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


def test_every_page_at_desktop_width(browser, site_url, built_site, subtests):
    walk = walk_every_page(browser, site_url, built_site)

    with subtests.test("every page loads cleanly"):
        assert len(walk.statuses) >= len(list((ROOT / "docs").rglob("*.md"))), walk.statuses
        failed = {path: status for path, status in walk.statuses.items() if not 200 <= status < 300}
        failed.pop("404.html", None)  # the not-found page: only its errors and requests count
        assert not failed, failed
        assert not walk.console_errors, walk.console_errors
        assert not walk.offsite_requests, walk.offsite_requests

    with subtests.test("every code block and output is visible exactly as often as held"):
        problems, checked, outputs = {}, 0, 0
        for path, seen in walk.seen.items():
            found, count = block_problems(seen)
            checked, outputs = checked + count, outputs + len(seen["outputs"])
            if found:
                problems[path] = found
        assert checked > 200 and outputs > 100, f"only {checked} blocks, {outputs} outputs checked"
        assert not problems, "\n".join(f"{p}: {'; '.join(found)}" for p, found in problems.items())

    with subtests.test("no accessibility violation in light or dark"):
        pages = len(built_site.page_urls())
        assert walk.axe_runs == {"light": pages, "dark": pages}, walk.axe_runs
        assert not walk.violations, json.dumps(walk.violations, indent=1)
