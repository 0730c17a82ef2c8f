"""Every page on a phone, as a reader holds it: at 390 px, each page loaded once and read in light
and in dark (the palette toggle, between the two readings).

- No page scrolls sideways, and prose uses at least 90 % of the article width, in either scheme.
- Inline code in a table breaks only between words: `num_layers` is never split into "num_layer"
  and "s" (a table scrolls sideways instead).
- A code block or notebook cell's code the browser has not drawn yet (`content-visibility: auto`,
  lstm_site/code_blocks.py and lstm_site/notebook_pages.py)
  is already as tall as it will be when a reader scrolls to it: nothing moves when it is drawn.
  In the scheme the page opens in: drawing is the same in both.
- The desktop walk through every page (rendered text, axe) is in test_pages.py.

The toggle is stored, so pages open in light and dark by turns: one toggle a page, not two (a
toggle restyles the whole page, about half the cost of loading it).
"""

from collections import Counter
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from lstm_site.paths import ROOT
from tests.support.browser import OTHER_SCHEME, SCHEME_NAMES, scheme_of, switch_scheme
from tests.support.pages import page_urls_of_sources

PAGES = page_urls_of_sources()

PHONE = {"width": 390, "height": 844}
MIN_PROSE_SHARE = 0.9
TOLERANCE_PX = 3

# Widths on a phone: the page, the article's content box, and each prose paragraph.
READ_WIDTHS = """() => {
  const article = document.querySelector("article");
  const style = getComputedStyle(article);
  const content = article.clientWidth - parseFloat(style.paddingLeft)
    - parseFloat(style.paddingRight);
  const paragraphs = [...article.querySelectorAll(
    "article > p, .jp-RenderedMarkdown > p"
  )].filter((p) => p.checkVisibility() && p.innerText.trim().length > 40);
  return {
    scroll: document.documentElement.scrollWidth,
    content,
    narrow: paragraphs
      .map((p) => ({width: p.getBoundingClientRect().width, text: p.innerText.slice(0, 60)}))
      .filter((p) => p.width < content * MIN_SHARE),
  };
}""".replace("MIN_SHARE", str(MIN_PROSE_SHARE))


# Scrolls a screen at a time and waits for two frames at each stop: a block is drawn in the frame
# after it nears the viewport. A frame that has not come within FRAME_WAIT_MS (a tab Chromium
# stopped drawing; a loaded machine draws a frame in well under that) ends the scroll-through,
# which would otherwise wait for ever: the count says how many came.
FRAME_WAIT_MS = 5000
SCROLL_THROUGH = """async () => {
  const frame = () => new Promise((drawn) => requestAnimationFrame(() => drawn(1)));
  const late = () => new Promise((given_up) => setTimeout(() => given_up(0), FRAME_WAIT_MS));
  const end = document.body.scrollHeight;
  let stops = 0, frames = 0;
  for (let y = 0; y < end; y += innerHeight, stops++) {
    scrollTo(0, y);
    for (const _ of [1, 2]) {
      if (!(await Promise.race([frame(), late()]))) return {stops: stops + 1, frames};
      frames++;
    }
  }
  return {stops, frames};
}""".replace("FRAME_WAIT_MS", str(FRAME_WAIT_MS))
HEIGHTS = """() => [...document.querySelectorAll(
  ".md-typeset .highlight, .jupyter-wrapper .highlight-ipynb"
)].map((block) => block.getBoundingClientRect().height)"""


# Each place where a table cell's inline code is drawn on two lines between two letters, digits or
# underscores: "num_layer" over "s". A break at a space or after punctuation (`initial_state=`
# over `[h0, c0]`) is where a reader expects one.
SPLIT_WORDS = """() => {
  const split = [];
  const top = (text, index) => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect().top;
  };
  for (const code of document.querySelectorAll("article td code, article th code")) {
    for (const text of code.childNodes) {
      if (text.nodeType !== Node.TEXT_NODE) continue;
      for (let i = 1; i < text.data.length; i++) {
        const pair = text.data.slice(i - 1, i + 1);
        if (/^\\w\\w$/.test(pair) && top(text, i) > top(text, i - 1) + 1) {
          split.push(text.data.slice(0, i) + " | " + text.data.slice(i));
        }
      }
    }
  }
  return split;
}"""


def height_changes(page, path: str) -> list[str]:
    """Each code block or cell whose height changes when a reader scrolls to it and it is drawn."""
    before = page.evaluate(HEIGHTS)  # undrawn blocks: the height they keep until drawn
    if not before:
        return []
    page.bring_to_front()  # the tab is reused: the one in front is drawn
    scrolled = page.evaluate(SCROLL_THROUGH)  # as a reader scrolls, each block is drawn
    assert scrolled["frames"] == 2 * scrolled["stops"], f"{path}: frames missing: {scrolled}"
    after = page.evaluate(HEIGHTS)
    return [
        f"{path or 'home'}: block {index + 1} {reserved:.0f} -> {drawn:.0f} px"
        for index, (reserved, drawn) in enumerate(zip(before, after, strict=True))
        if abs(reserved - drawn) > TOLERANCE_PX
    ]


def width_problems(page) -> list[str]:
    widths = page.evaluate(READ_WIDTHS)
    found = []
    if widths["scroll"] > PHONE["width"]:
        found.append(f"the page is {widths['scroll']} px wide")
    return found + [
        f"a paragraph uses {p['width']:.0f} of {widths['content']:.0f} px: {p['text']!r}"
        for p in widths["narrow"]
    ]


@pytest.fixture(scope="session")
def phone(new_context) -> Iterator[Page]:
    """One phone tab for this worker's pages, reused page after page (a new tab costs Chromium a
    renderer process): the scheme toggle its context stores alternates the scheme pages open in."""
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="light")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_every_page_on_a_phone(phone, site_url, path, subtests):
    page = phone
    page.goto(site_url + path, wait_until="load")
    problems, read = {}, Counter()

    def read_widths() -> None:
        scheme = SCHEME_NAMES[scheme_of(page)]
        read[scheme] += 1
        if found := width_problems(page):
            problems[scheme] = found

    read_widths()
    split = page.evaluate(SPLIT_WORDS)  # layout is the same in both schemes
    moved = height_changes(page, path)  # after the widths: it scrolls the page
    switch_scheme(page, OTHER_SCHEME[scheme_of(page)])
    read_widths()

    with subtests.test("the page was read in light and in dark"):
        assert read == {"light": 1, "dark": 1}, read
    with subtests.test("the page does not scroll sideways and prose fills the phone"):
        assert not problems, "\n".join(f"{s}: {'; '.join(f)}" for s, f in problems.items())
    with subtests.test("inline code in a table breaks only between words"):
        assert not split, f"split across lines: {split}"
    with subtests.test("a code block or cell keeps its height when it is drawn"):
        assert not moved, "\n".join(moved)


def test_the_pages_checked_are_every_page(built_site):
    """The browser tests are collected per page from the sources: every built page is one."""
    assert built_site.page_urls() == PAGES
    assert len(PAGES) >= len(list((ROOT / "docs").rglob("*.md"))) + len(
        list((ROOT / "docs" / "notebooks").glob("*.py"))
    )
