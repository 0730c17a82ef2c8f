"""Code blocks as hooks/code_blocks.py leaves them, in Chromium.

- A block the browser has not drawn yet (`content-visibility: auto`) is already as tall as it
  will be when a reader scrolls to it: nothing moves when it is drawn, on loading or later.
- The token spans the hook removes had no colour of their own: a name (`.n`) and a space (`.w`)
  are drawn in the code's colour, in light and dark.
"""

import pytest

PHONE = {"width": 390, "height": 844}
TOLERANCE_PX = 3
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  }
}"""
HEIGHTS = """() => [...document.querySelectorAll(".md-typeset .highlight")].map(
  (block) => block.getBoundingClientRect().height)"""


def test_a_code_block_keeps_its_height_when_it_is_drawn(browser, site_url, built_site):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    for path in built_site.page_urls():
        page.goto(site_url + path, wait_until="load")
        before = page.evaluate(HEIGHTS)  # undrawn blocks: the height they keep until drawn
        if not before:
            continue
        page.evaluate(SCROLL_THROUGH)  # as a reader scrolls, each block is drawn
        after = page.evaluate(HEIGHTS)
        for index, (reserved, drawn) in enumerate(zip(before, after, strict=True)):
            if abs(reserved - drawn) > TOLERANCE_PX:
                problems.append(
                    f"{path or 'home'}: block {index + 1} {reserved:.0f} -> {drawn:.0f} px"
                )
    context.close()
    assert not problems, "\n".join(problems)


TOKEN_COLOURS = """() => {
  const code = document.querySelector(".md-typeset .highlight code");
  const probes = ["n", "w"].map((name) => {
    const span = document.createElement("span");
    span.className = name;
    span.textContent = "x";
    code.append(span);
    return span;
  });
  const colours = {code: getComputedStyle(code).color};
  probes.forEach((span) => { colours[span.className] = getComputedStyle(span).color; });
  probes.forEach((span) => span.remove());
  return colours;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_names_and_spaces_are_drawn_in_the_code_colour(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    colours = page.evaluate(TOKEN_COLOURS)
    context.close()
    assert colours["n"] == colours["code"] and colours["w"] == colours["code"], colours
