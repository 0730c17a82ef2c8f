"""Helpers for reading a page in Chromium as a reader would see it."""

from urllib.parse import urlparse

# docs/assets/extra.css gives code blocks `content-visibility: auto`: the browser skips styling
# and laying out a block until it nears the viewport (a rendering cost, not what is shown). Off
# screen, its text is then missing from `innerText` and axe cannot compute its colours. Checks
# that read the whole page at once render every block first, as a reader scrolling would.
RENDER_EVERYTHING = "* { content-visibility: visible !important }"


DESKTOP = {"width": 1280, "height": 900}  # the desktop walk's and watched_page's viewport
SCHEME_NAMES = {"default": "light", "slate": "dark"}  # Material's scheme: what a reader calls it
OTHER_SCHEME = {"default": "slate", "slate": "default"}
PALETTE_TOGGLE = "form[data-md-component=palette] label:visible"  # the one the reader sees


def render_everything(page) -> None:
    page.add_style_tag(content=RENDER_EVERYTHING)


def scheme_of(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


# Any transition a toggle started, until it ends: none should (Material's palette rule stops
# colours fading while it switches, test_site.py checks it), but axe must never read a colour
# mid-fade.
SETTLED = "() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))"


def switch_scheme(page, scheme: str) -> None:
    """Click Material's palette toggle, as a reader does, until the page is in `scheme` and its
    colours have stopped fading. The choice is stored: the next page loads in it too."""
    page.locator(PALETTE_TOGGLE).first.click()
    page.wait_for_function(
        "(scheme) => document.body.dataset.mdColorScheme === scheme"
        " && !document.body.hasAttribute('data-md-color-switching')",
        arg=scheme,
    )
    page.evaluate(SETTLED)


class PageWatch:
    """A page with every console error and every request to another host recorded; `clear()`
    starts a new record, for a tab that loads one page after another."""

    def __init__(self, page, origin: str) -> None:
        self.page = page
        self.clear()
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

    def clear(self) -> None:
        self.console_errors, self.offsite_requests = [], []
