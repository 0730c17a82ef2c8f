"""Edits to Material's built CSS and JavaScript, each of which restyled a whole page at load.

On a phone, Material's start-up restyled the whole error decoder page (~1,300 elements, 40 to
170 ms each at 4x CPU throttle) again and again. Each edit below, with overrides/main.html,
removes one or two of those restyles. Two remain: the page's first style, and one after Material
wraps its tables. The sum of long tasks after first paint fell from 317 to 174 ms (median of 7
loads), for the edits of the bundle and the early links.
- Material's palette script sets `data-md-color-switching` on <body> as each page starts and
  removes it a moment later. One rule of its palette CSS is on that attribute (no transitions
  while it is set), so setting and removing it restyled every element. The rule goes. Colours
  that snap rather than fade when a reader toggles light and dark come back from
  docs/assets/theme-fixes.js and theme-fixes.css, with a class set only for the toggle.
- The same script appends a `color-scheme` meta, then sets its content: in Chromium each step
  restyles the page. The meta goes. <html> carries the palette's scheme instead
  (overrides/main.html), so Material's own stylesheet gives the root its colour scheme.
- The bundle swaps `no-js` for `js` on <html>. Even a class it already has restyles the page
  (Material's `table:not([class])` rules make any class change on <html> reach every
  element), so the swap moves into <head> (overrides/main.html), before anything is styled.
  Its focus-visible polyfill adds `js-focus-visible` to <html> the same way; no stylesheet uses
  that class, so the bundle no longer adds it.

Material offers no setting for these, so the built copies of its files are edited. Each edit
names a text that must be gone afterwards. If it is still there, Material changed: the build
warns (and `--strict` fails), and this hook must follow. tests/hooks/test_theme_edits.py
checks the installed Material still has exactly these texts, and tests/browser/test_site.py
that a page starts without them.
"""

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("theme_edits")


@dataclass(frozen=True)
class Edit:
    old: str  # exactly once in Material's file
    new: str
    gone: str  # what must not be left once edited


PALETTE_CSS = "assets/stylesheets/palette.*.min.css"
BUNDLE_JS = "assets/javascripts/bundle.*.min.js"
EDITS = {
    PALETTE_CSS: [
        Edit(
            old="[data-md-color-switching] *,[data-md-color-switching] :after,"
            "[data-md-color-switching] :before{transition-duration:0s!important}",
            new="",
            gone="data-md-color-switching",
        ),
    ],
    BUNDLE_JS: [
        Edit(
            old='x("meta",{name:"color-scheme"})', new='x("meta",{})', gone='{name:"color-scheme"}'
        ),
        Edit(
            old='document.documentElement.classList.remove("no-js");'
            'document.documentElement.classList.add("js");',
            new="",
            gone='"no-js"',
        ),
        Edit(
            old='document.documentElement.classList.add("js-focus-visible"),',
            new="",
            gone='classList.add("js-focus-visible")',
        ),
    ],
}


def edited(text: str, edits: list[Edit]) -> str | None:
    """The text with every edit made, or None when one of them does not fit the text.

    A text already edited (a build that did not copy the theme's file again) stays."""
    for edit in edits:
        if text.count(edit.old) == 1:
            text = text.replace(edit.old, edit.new)
        if edit.gone in text:
            return None
    return text


def on_post_build(*, config: MkDocsConfig) -> None:
    for pattern, edits in EDITS.items():
        paths = sorted(Path(config.site_dir).glob(pattern))
        if len(paths) != 1:
            log.warning(f"expected one {pattern} in the built site, found {len(paths)}")
            continue
        text = paths[0].read_text(encoding="utf-8")
        new_text = edited(text, edits)
        if new_text is None:
            log.warning(
                f"{paths[0].name} is not the Material file lstm_site/theme_edits.py knows: "
                "Material changed, update the hook"
            )
        elif new_text != text:
            paths[0].write_text(new_text, encoding="utf-8")
