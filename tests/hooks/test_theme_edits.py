"""lstm_site/theme_edits.py: the built site has none of the Material texts the hook edits out."""

from pathlib import Path

import material
import pytest

from lstm_site.theme_edits import EDITS, Edit, edited

INSTALLED = Path(material.__file__).parent / "templates"


@pytest.mark.parametrize("pattern", EDITS)
def test_the_installed_material_has_exactly_the_texts_the_hook_edits(pattern):
    """Fails when Material changes one of these files: then update lstm_site/theme_edits.py."""
    [path] = INSTALLED.glob(pattern)
    text = path.read_text(encoding="utf-8")
    assert [text.count(edit.old) for edit in EDITS[pattern]] == [1] * len(EDITS[pattern])
    expected = text
    for edit in EDITS[pattern]:
        expected = expected.replace(edit.old, edit.new)
    assert edited(text, EDITS[pattern]) == expected


def test_a_file_the_hook_does_not_know_is_refused():
    edit = Edit(old="a{color:red}", new="", gone="red")
    assert edited("b{color:red}", [edit]) is None
    assert edited("a{color:red}b{}", [edit]) == "b{}"
    assert edited("b{}", [edit]) == "b{}"  # already edited


@pytest.mark.parametrize("pattern", EDITS)
def test_the_built_file_is_edited(built_site, pattern):
    [path] = built_site.site_dir.glob(pattern)
    text = path.read_text(encoding="utf-8")
    assert [edit.gone in text for edit in EDITS[pattern]] == [False] * len(EDITS[pattern])
