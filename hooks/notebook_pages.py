"""MkDocs hook entry: see lstm_site/notebook_pages.py for what its events do."""

from lstm_site.notebook_pages import (
    on_files,
    on_page_content,
    on_page_context,
    on_post_build,
    on_pre_build,
)

__all__ = ["on_files", "on_page_content", "on_page_context", "on_post_build", "on_pre_build"]
