"""What a reader sees, read as a reader does: the rendered text of every page in Chromium.

The HTML source can be right while the page is wrong (a hidden copy of each notebook cell shown,
a block hidden): these tests read `innerText`, which holds only what is rendered.
- Every code block's text (code and outputs) is visible exactly as often as the page holds it.
- Every output the build printed is visible.
- On a 390 px phone no page scrolls sideways, and prose uses at least 90 % of the article width.
"""

import pytest

from tests.support.browser import render_everything
from tests.support.paths import ROOT

PHONE = {"width": 390, "height": 844}
MIN_PROSE_SHARE = 0.9
MIN_BLOCK_CHARS = 20  # shorter code (`h_n`) also occurs in prose, so it cannot be counted

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


def test_every_code_block_and_output_is_visible_exactly_as_often_as_held(
    browser, site_url, built_site
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems, checked, outputs = {}, 0, 0
    for path in built_site.page_urls():
        page.goto(site_url + path)
        render_everything(page)
        seen = page.evaluate(READ_BLOCKS)
        found, count = block_problems(seen)
        checked, outputs = checked + count, outputs + len(seen["outputs"])
        if found:
            problems[path or "home"] = found
    context.close()
    assert checked > 200 and outputs > 100, f"only {checked} blocks, {outputs} outputs checked"
    assert not problems, "\n".join(f"{p}: {'; '.join(found)}" for p, found in problems.items())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_and_prose_fills_the_phone(browser, site_url, built_site, scheme):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme
    )
    page = context.new_page()
    problems = {}
    for path in built_site.page_urls():
        page.goto(site_url + path)
        widths = page.evaluate(READ_WIDTHS)
        found = []
        if widths["scroll"] > PHONE["width"]:
            found.append(f"the page is {widths['scroll']} px wide")
        found += [
            f"a paragraph uses {p['width']:.0f} of {widths['content']:.0f} px: {p['text']!r}"
            for p in widths["narrow"]
        ]
        if found:
            problems[path or "home"] = found
    context.close()
    assert not problems, "\n".join(f"{p}: {'; '.join(found)}" for p, found in problems.items())


def test_the_pages_checked_are_every_page(built_site):
    pages = built_site.page_urls()
    assert len(pages) >= len(list((ROOT / "docs").rglob("*.md"))) + len(
        list((ROOT / "docs" / "notebooks").glob("*.py"))
    )
