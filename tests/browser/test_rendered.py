"""Every page on a phone, as a reader holds it: in light and dark, at 390 px.

- No page scrolls sideways, and prose uses at least 90 % of the article width.
- The desktop walk through every page (rendered text, axe) is in test_pages.py.
"""

import pytest

from tests.support.paths import ROOT

PHONE = {"width": 390, "height": 844}
MIN_PROSE_SHARE = 0.9

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
