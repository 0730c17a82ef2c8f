"""lstm_site/code_blocks.py on Pygments' own HTML: the same text, fewer elements, a height each."""

import re

from markdown import markdown

from lstm_site.code_blocks import on_page_content

SOURCE = "import torch\n\nlstm = torch.nn.LSTM(10, 20)  # input_size, hidden_size\n"


def fenced(code: str) -> str:
    """Pygments' HTML for a Python fence, as the site's Markdown extensions write it."""
    return markdown(
        f"```python\n{code}```", extensions=["pymdownx.highlight", "pymdownx.superfences"]
    )


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_names_and_spaces_lose_their_spans_and_nothing_else():
    before = fenced(SOURCE)
    assert '<span class="n">' in before and '<span class="w">' in before  # Pygments' output
    after = on_page_content(before, page=None, config=None, files=None)
    assert '<span class="n">' not in after and '<span class="w">' not in after
    assert '<span class="kn">import</span>' in after and '<span class="c1">' in after
    assert text_of(after) == text_of(before)


def test_each_block_says_how_many_lines_it_holds():
    html = fenced(SOURCE) + fenced("print(1)\n")
    after = on_page_content(html, page=None, config=None, files=None)
    assert re.findall(r'style="--code-lines: (\d+)"', after) == ["3", "1"]


def test_a_block_titled_with_its_file_says_so():
    titled = markdown(
        '```python title="snippets/x/001_a.py"\nprint(1)\n```',
        extensions=["pymdownx.highlight", "pymdownx.superfences"],
    )
    assert '<span class="filename">snippets/x/001_a.py</span>' in titled  # Pygments' output
    after = on_page_content(titled + fenced("print(2)\n"), page=None, config=None, files=None)
    assert re.findall(r'style="(--code-lines: [^"]+)"', after) == [
        "--code-lines: 1; --code-title: 1",
        "--code-lines: 1",
    ]


def test_spans_outside_code_are_left_alone():
    html = '<p><span class="n">a name in prose</span></p>'
    assert on_page_content(html, page=None, config=None, files=None) == html
