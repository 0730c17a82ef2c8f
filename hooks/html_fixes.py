"""MkDocs hook entry: see lstm_site/html_fixes.py for what its events do."""

from lstm_site.html_fixes import on_post_page, on_post_template

__all__ = ["on_post_page", "on_post_template"]
