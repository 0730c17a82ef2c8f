"""MkDocs hook entry: see lstm_site/theme_edits.py for what its events do."""

from lstm_site.theme_edits import on_post_build

__all__ = ["on_post_build"]
