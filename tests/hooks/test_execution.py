"""lstm_site/execution.py's settings for mkdocs-jupyter, on the project's own mkdocs.yml."""

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from lstm_site import execution
from lstm_site.paths import ROOT


def test_the_notebook_rendering_is_cached_in_this_environments_folder():
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"]
    assert plugin.config["cache"] is False  # mkdocs.yml: off for a build without this hook
    execution.on_config(config)
    assert plugin.config["cache"] is True
    assert plugin.config["cache_dir"] == str(execution.cache_dir(config) / "rendered")


def test_a_plugin_without_its_cache_options_stops_the_build():
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"]
    del plugin.config["cache_dir"]  # as if a new mkdocs-jupyter renamed it
    with pytest.raises(PluginError, match="cache_dir"):
        execution.on_config(config)
