"""Helpers for reading a page in Chromium as a reader would see it."""

# docs/assets/extra.css gives code blocks `content-visibility: auto`: the browser skips styling
# and laying out a block until it nears the viewport (a rendering cost, not what is shown). Off
# screen, its text is then missing from `innerText` and axe cannot compute its colours. Checks
# that read the whole page at once render every block first, as a reader scrolling would.
RENDER_EVERYTHING = "* { content-visibility: visible !important }"


def render_everything(page) -> None:
    page.add_style_tag(content=RENDER_EVERYTHING)
