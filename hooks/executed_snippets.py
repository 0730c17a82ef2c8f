"""MkDocs hook entry: see lstm_site/executed_snippets.py for what its events do."""

from lstm_site.executed_snippets import on_config, on_page_markdown

__all__ = ["on_config", "on_page_markdown"]
