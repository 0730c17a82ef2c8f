"""MkDocs hook entry: see lstm_site/torch_stamp.py for what its events do."""

from lstm_site.torch_stamp import on_config

__all__ = ["on_config"]
