"""Helpers for reading a page in Chromium as a reader would see it."""

from urllib.parse import urlparse

# docs/assets/extra.css gives code blocks `content-visibility: auto`: the browser skips styling
# and laying out a block until it nears the viewport (a rendering cost, not what is shown). Off
# screen, its text is then missing from `innerText` and axe cannot compute its colours. Checks
# that read the whole page at once render every block first, as a reader scrolling would.
RENDER_EVERYTHING = "* { content-visibility: visible !important }"


def render_everything(page) -> None:
    page.add_style_tag(content=RENDER_EVERYTHING)


class PageWatch:
    """A page with every console error and every request to another host recorded."""

    def __init__(self, page, origin: str) -> None:
        self.page, self.console_errors, self.offsite_requests = page, [], []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on(
            "request",
            lambda r: (
                urlparse(r.url).netloc not in ("", origin)
                and not r.url.startswith(("data:", "blob:"))
                and self.offsite_requests.append(r.url)
            ),
        )
