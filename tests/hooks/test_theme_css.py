"""hooks/theme_css.py: no stylesheet of the built site has a rule on data-md-color-switching."""

from pathlib import Path

import material
from theme_css import PALETTE_CSS, SWITCHING_RULE, without_switching_rule

INSTALLED = Path(material.__file__).parent / "templates"


def test_the_installed_material_has_exactly_the_rule_the_hook_removes():
    """Fails when Material changes its palette CSS: then update hooks/theme_css.py."""
    [palette] = INSTALLED.glob(PALETTE_CSS)
    css = palette.read_text(encoding="utf-8")
    assert css.count(SWITCHING_RULE) == 1, palette.name
    assert without_switching_rule(css) == css.replace(SWITCHING_RULE, "")


def test_another_rule_on_the_attribute_is_refused():
    assert without_switching_rule("[data-md-color-switching] a{color:red}") is None
    assert without_switching_rule("a{color:red}") == "a{color:red}"  # already edited


def test_no_built_stylesheet_has_a_rule_on_the_attribute(built_site):
    stylesheets = sorted(built_site.site_dir.rglob("*.css"))
    assert any(path.match(PALETTE_CSS) for path in stylesheets)
    on_the_attribute = [
        path.relative_to(built_site.site_dir).as_posix()
        for path in stylesheets
        if "data-md-color-switching" in path.read_text(encoding="utf-8")
    ]
    assert not on_the_attribute, on_the_attribute
