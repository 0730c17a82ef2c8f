"""Lighter code blocks, each keeping its own height until the browser draws it.

- Pygments wraps every name (`.n`) and every space (`.w`) in a span of its own: a quarter of a
  long page's elements. Material colours `.n` as the
  code itself (`--md-code-hl-name-color: var(--md-code-fg-color)`) and `.w` not at all, so the
  text looks the same without them; tests/browser/test_code_blocks.py fails if that changes.
- docs/assets/extra.css lets the browser skip drawing a block until it nears the screen
  (`content-visibility: auto`). Until then the block is as tall as `--code-lines` makes it (a
  <pre> never wraps), so nothing below moves when it is drawn: one guessed height for every
  block shifted the home page's first screen.
"""

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CODE = re.compile(r"<code\b[^>]*>.*?</code>", re.S)
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
BLOCK = re.compile(
    r'<div class="highlight">(?P<rest>(?P<title><span class="filename">[^<]*</span>)?'
    r"<pre><span></span><code>(?P<code>.*?)</code></pre></div>)",
    re.S,
)


def without_plain_tokens(code: re.Match) -> str:
    return PLAIN_TOKEN.sub(r"\1", code[0])


def height_style(code: str, titled: bool = False) -> str:
    """The style that keeps a block of this code as tall as drawn until it is (a <pre> never
    wraps: one line of text each). Notebook cells use it too (notebook_pages.py)."""
    # A snippet's file name is a title bar above the code. Said here: a `:has(> .filename)`
    # rule would be re-checked for every element added while any page loads.
    lines, title = code.count("\n"), "; --code-title: 1" if titled else ""
    return f"--code-lines: {lines}{title}"


def with_its_lines(block: re.Match) -> str:
    style = height_style(block["code"], titled=bool(block["title"]))
    return f'<div class="highlight" style="{style}">{block["rest"]}'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BLOCK.sub(with_its_lines, CODE.sub(without_plain_tokens, html))
