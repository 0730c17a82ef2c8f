"""MkDocs hook entry: see lstm_site/diagrams.py for what its events do."""

from lstm_site.diagrams import on_page_markdown

__all__ = ["on_page_markdown"]
