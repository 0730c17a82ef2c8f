"""An executed block that breaks the site's rules stops the build, naming page and line."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import executed_snippets

PAGE = SimpleNamespace(file=SimpleNamespace(src_path="some-page.md"))


def render(markdown: str) -> str:
    return executed_snippets.on_page_markdown(markdown, PAGE, None, None)


def test_an_include_is_titled_and_wrapped():
    page = '# T\n\n```python exec="on"\n--8<-- "snippets/index/001_the_answer.py"\n```\n'
    rendered = render(page)
    assert 'title="snippets/index/001_the_answer.py"' in rendered
    assert 'data-snippet="snippets/index/001_the_answer.py" markdown>' in rendered
    assert rendered.rstrip().endswith("</div>")


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
