"""An executed block that breaks the site's rules stops the build, naming page and line."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from lstm_site import executed_snippets
from lstm_site.paths import ROOT

PAGE = SimpleNamespace(file=SimpleNamespace(src_path="some-page.md"))
CONFIG = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))


def render(markdown: str) -> str:
    return executed_snippets.on_page_markdown(markdown, page=PAGE, config=CONFIG, files=None)


def test_an_include_is_tagged_with_its_path():
    page = '# T\n\n```python exec="on"\n--8<-- "snippets/index/001_the_answer.py"\n```\n'
    assert '```python exec="on" snippet="snippets/index/001_the_answer.py"' in render(page)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("print(1)", "exactly one line"),
        ('--8<-- "snippets/index/999_missing.py"', "does not exist"),
        ('--8<-- "docs/index.md"', "is not a snippets/<page_slug>/NNN_name.py file"),
    ],
)
def test_a_broken_block_names_page_and_line(block, message):
    page = f'# T\n\ntext\n\n```python exec="on"\n{block}\n```\n'
    with pytest.raises(PluginError, match=rf"docs/some-page\.md:5: .*{message}"):
        render(page)


def test_a_shared_session_is_refused():
    page = '```python exec="on" session="a"\n--8<-- "snippets/index/001_the_answer.py"\n```\n'
    with pytest.raises(PluginError, match="session"):
        render(page)


def test_a_hand_written_title_is_refused():
    page = '```python exec="on" title="x"\n--8<-- "snippets/index/001_the_answer.py"\n```\n'
    with pytest.raises(PluginError, match="title"):
        render(page)


def test_only_tagged_executed_fences_are_taken():
    taken = {}
    assert executed_snippets.validate("python", {"exec": "on", "snippet": "s.py"}, taken, {}, None)
    assert taken["snippet"] == "s.py"
    assert not executed_snippets.validate("python", {"exec": "on"}, {}, {}, None)
    assert not executed_snippets.validate("python", {"title": "x.py"}, {}, {}, None)


def test_a_fence_longer_than_any_backtick_run_in_the_output():
    html = executed_snippets.highlighted("a ```` b", "text")
    assert "a ```` b" in html.replace("&#96;", "`")
