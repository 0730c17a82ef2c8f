"""This site's own stylesheets (docs/assets/*.css, hooks/notebook-layout.css) stay cheap."""

import tinycss2

from tests.support.paths import ROOT

ASSETS = ROOT / "docs" / "assets"
STYLESHEETS = [*sorted(ASSETS.glob("*.css")), ROOT / "hooks" / "notebook-layout.css"]


def screen_selectors(rules, media: str = ""):
    """Each style rule's selector that a screen applies, with the @media it sits in."""
    for rule in rules:
        if rule.type == "qualified-rule" and "print" not in media:
            yield media, tinycss2.serialize(rule.prelude).strip()
        elif rule.type == "at-rule" and rule.content is not None:
            inner = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            within = tinycss2.serialize(rule.prelude) if rule.lower_at_keyword == "media" else ""
            yield from screen_selectors(inner, f"{media} {within}".strip())


def test_no_screen_rule_uses_has():
    """A `:has()` rule is re-checked as elements are added while a page loads, on every page (each
    stylesheet is on all of them): a trace of the home page loading showed 143 code blocks
    restyled as "Affected by :has()". Print rules may use it."""
    found = [
        f"{sheet.relative_to(ROOT)}: {selector}"
        for sheet in STYLESHEETS
        for _media, selector in screen_selectors(
            tinycss2.parse_stylesheet(sheet.read_text(), skip_whitespace=True, skip_comments=True)
        )
        if ":has(" in selector
    ]
    assert not found, "\n".join(found)
