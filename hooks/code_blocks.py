"""MkDocs hook entry: see lstm_site/code_blocks.py for what its events do."""

from lstm_site.code_blocks import on_page_content

__all__ = ["on_page_content"]
