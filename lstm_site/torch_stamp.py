"""Stamp the footer with the version of the torch that ran this build's examples.

`config.extra.torch_version` holds it for the templates: each page's "Report a problem" link
(overrides/main.html) names it.

The version is read from the installed package (the one every snippet and notebook of this
build imports) rather than by importing torch here, which would cost a second per build.
"""

from importlib.metadata import version

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["torch_version"] = version("torch")
    stamp = f"Tested with torch {version('torch')}: every output was printed by this build."
    config.copyright = f"{config.copyright} {stamp}" if config.copyright else stamp
    return config
