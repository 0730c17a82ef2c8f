"""Drop the palette CSS rule that makes every page load restyle the whole page twice.

Material's palette script sets `data-md-color-switching` on <body> as each page starts, and
removes it a moment later. Its palette stylesheet has one rule on that attribute: no transitions
while it is set (`[data-md-color-switching] *`). Because of that rule, setting and removing the
attribute restyles every element of the page: on the error decoder, two of the six whole-page
style recalculations of a phone's page load (Lighthouse's blocking time fell by 40 to 130 ms
without them). With no rule on the attribute, toggling it costs nothing. What the rule gave,
colours that snap rather than fade when a reader toggles light and dark, docs/assets/
theme-fixes.js and theme-fixes.css give back with a class set only for the toggle.

Material ships the rule in its minified palette CSS and offers no setting for it, so the built
copy of that file is edited. If the file has another rule on the attribute, the build warns (and
`--strict` fails): Material changed, and this hook must follow. tests/hooks/test_theme_css.py
checks that the installed Material still has exactly this rule.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("theme_css")

PALETTE_CSS = "assets/stylesheets/palette.*.min.css"
SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def without_switching_rule(css: str) -> str | None:
    """The stylesheet with no rule on the attribute, or None when its rule is not the known one.

    A stylesheet already without any (a build that did not copy the theme's file again) stays."""
    if css.count(SWITCHING_RULE) == 1:
        css = css.replace(SWITCHING_RULE, "")
    return None if "data-md-color-switching" in css else css


def on_post_build(*, config: MkDocsConfig) -> None:
    stylesheets = sorted(Path(config.site_dir).glob(PALETTE_CSS))
    if len(stylesheets) != 1:
        log.warning(f"expected one {PALETTE_CSS} in the built site, found {len(stylesheets)}")
        return
    css = stylesheets[0].read_text(encoding="utf-8")
    edited = without_switching_rule(css)
    if edited is None:
        log.warning(
            f"{stylesheets[0].name} has a rule on data-md-color-switching other than the one "
            "hooks/theme_css.py removes: Material changed, update the hook"
        )
    elif edited != css:
        stylesheets[0].write_text(edited, encoding="utf-8")
