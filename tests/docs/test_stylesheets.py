"""This site's own stylesheets (docs/assets/*.css, lstm_site/notebook-layout.css) stay cheap."""

import tinycss2

from lstm_site.paths import ROOT

ASSETS = ROOT / "docs" / "assets"
STYLESHEETS = [*sorted(ASSETS.glob("*.css")), ROOT / "lstm_site" / "notebook-layout.css"]


def screen_selectors(rules, media: str = ""):
    """Each style rule's selector that a screen applies, with the @media it sits in."""
    for rule in rules:
        if rule.type == "qualified-rule" and "print" not in media:
            yield media, tinycss2.serialize(rule.prelude).strip()
        elif rule.type == "at-rule" and rule.content is not None:
            inner = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            within = tinycss2.serialize(rule.prelude) if rule.lower_at_keyword == "media" else ""
            yield from screen_selectors(inner, f"{media} {within}".strip())


def test_no_screen_rule_looks_at_other_elements_than_its_ancestors():
    """`:has()` and `~` make the browser look at other elements than an element's ancestors, and
    this site's stylesheets are on every page: such a rule is checked again for each element
    added while any page loads (traces showed them among the costliest of the site's rules).
    Print rules may: a screen skips them."""
    found = [
        f"{sheet.relative_to(ROOT)}: {selector}"
        for sheet in STYLESHEETS
        for _media, selector in screen_selectors(
            tinycss2.parse_stylesheet(sheet.read_text(), skip_whitespace=True, skip_comments=True)
        )
        if ":has(" in selector or "~" in selector
    ]
    assert not found, "\n".join(found)
