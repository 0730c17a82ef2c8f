"""One visit of a built page at 1280 px, for the checks of tests/browser/test_pages.py.

A page load is costly to Chromium, and three checks read every page, in light and in dark: a
visit loads the page once and records:
- its HTTP status, console errors and requests to another host;
- the text of every code block and output, and what of it is rendered;
- axe's violations in light and in dark (the palette toggle between the two runs).
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from lstm_site.paths import ROOT
from tests.support.browser import (
    OTHER_SCHEME,
    SCHEME_NAMES,
    PageWatch,
    render_everything,
    scheme_of,
    switch_scheme,
)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Dark changes colours only: there, the colour rules. Light runs the whole set
# and WCAG 2.2's target size, which axe leaves off by default and Lighthouse runs. Only
# violations are collected: axe then skips building selectors for every passing node (a third
# of its time here).
AXE_RUNS = {
    "default": {"rules": {"target-size": {"enabled": True}}},
    "slate": {"runOnly": COLOUR_RULES},
}

# Every code block (Material's, notebook cells and notebook outputs) and what the page shows.
READ_BLOCKS = """() => {
  const words = (text) => text.split(/\\s+/).filter(Boolean).join(" ");
  const article = document.querySelector("article");
  const blocks = [...article.querySelectorAll("pre")].map((pre) => words(pre.textContent));
  const outputs = [...article.querySelectorAll(
    "div.executed-snippet > :not(:has(> span.filename)), div.jp-Cell-outputArea"
  )].map((output) => ({
    visible: output.checkVisibility() && words(output.innerText).length > 0,
    text: words(output.textContent).slice(0, 80),
  }));
  return {text: words(article.innerText), blocks, outputs};
}"""


@dataclass
class PageSeen:
    """What one page at 1280 px showed: its status, errors, blocks and axe's findings."""

    status: int
    console_errors: list[str]
    offsite_requests: list[str]
    seen: dict | None = None  # READ_BLOCKS (None for 404.html: loaded and watched only)
    violations: dict[str, list[str]] = field(default_factory=dict)  # scheme: [...]
    axe_runs: Counter = field(default_factory=Counter)  # runs in each scheme


def run_axe(page, seen: PageSeen) -> None:
    """axe in the scheme the page opened in, then in the other after the toggle. The toggle is
    stored, so pages open in light and dark by turns: one toggle a page, not two."""
    page.add_script_tag(path=str(AXE))
    opened_in = scheme_of(page)
    for scheme in (opened_in, OTHER_SCHEME[opened_in]):
        if scheme != opened_in:
            switch_scheme(page, scheme)
        options = {**AXE_RUNS[scheme], "resultTypes": ["violations"]}
        found = page.evaluate("async (o) => (await axe.run(document, o)).violations", options)
        seen.axe_runs[SCHEME_NAMES[scheme]] += 1
        for violation in found:
            targets = [node["target"] for node in violation["nodes"]][:3]
            seen.violations.setdefault(SCHEME_NAMES[scheme], []).append(
                f"{violation['id']}: {json.dumps(targets)}"
            )


def visit(watch: PageWatch, site_url: str, path: str, *, content: bool = True) -> PageSeen:
    """Load one page in the watched tab (1280 px) and read it; a content page is read and axed.

    The tab is the worker's, reused page after page: a new tab costs Chromium a renderer
    process, a quarter of a visit's CPU time. A load replaces whatever the last visit added."""
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm ci"
    page = watch.page
    watch.clear()
    response = page.goto(site_url + path, wait_until="networkidle")  # late requests too
    seen = PageSeen(response.status, watch.console_errors, watch.offsite_requests)
    if content:
        render_everything(page)
        seen.seen = page.evaluate(READ_BLOCKS)
        run_axe(page, seen)
    return seen
