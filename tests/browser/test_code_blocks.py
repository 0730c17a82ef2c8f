"""Code blocks as lstm_site/code_blocks.py leaves them, in Chromium.

- A block keeps its height when it is drawn: in the phone walk of test_rendered.py.
- The token spans the hook removes had no colour of their own: a name (`.n`) and a space (`.w`)
  are drawn in the code's colour, in light and dark.
"""

import pytest

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
def test_names_and_spaces_are_drawn_in_the_code_colour(new_context, site_url, scheme):
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    colours = page.evaluate(TOKEN_COLOURS)
    context.close()
    assert colours["n"] == colours["code"] and colours["w"] == colours["code"], colours
