"""MkDocs hook entry: see lstm_site/execution.py for what its events do."""

from lstm_site.execution import on_config, on_files, on_shutdown, on_startup

__all__ = ["on_config", "on_files", "on_shutdown", "on_startup"]
