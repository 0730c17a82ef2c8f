"""MkDocs hook entry: see lstm_site/claims.py for what its events do."""

from lstm_site.claims import (
    on_config,
    on_files,
    on_nav,
    on_page_content,
    on_page_markdown,
)

__all__ = [
    "on_config",
    "on_files",
    "on_nav",
    "on_page_content",
    "on_page_markdown",
]
