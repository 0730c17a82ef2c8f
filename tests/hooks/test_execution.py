"""lstm_site/execution.py: its mkdocs-jupyter settings, and what a build running examples says."""

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from lstm_site import execution
from lstm_site.paths import ROOT
from lstm_site.site_build import mkdocs_build


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


# A project of its own, built from an empty cache: only the execution hook and a few snippets.
SMALL_PROJECT = """\
site_name: Progress
hooks:
  - {root}/hooks/execution.py
plugins:
  - mkdocs-jupyter:
      include: ["notebooks/*.py"]
      execute: false
      cache: false
"""
QUICK = "print('quick')\n"
SLOW = "import time\n\ntime.sleep(1.5)\nprint('slow')\n"
EXAMPLES = 12


def build_log(project: Path) -> str:
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_a_cold_build_says_how_many_examples_run_how_far_and_the_slowest(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(SMALL_PROJECT.format(root=ROOT))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Progress\n")
    (tmp_path / "snippets" / "page").mkdir(parents=True)
    for number in range(1, EXAMPLES):
        (tmp_path / "snippets" / "page" / f"{number:03d}_quick.py").write_text(QUICK)
    (tmp_path / "snippets" / "page" / f"{EXAMPLES:03d}_slow.py").write_text(SLOW)

    log = build_log(tmp_path)
    assert f"{EXAMPLES} examples to run, 0 from the cache" in log, log
    progress = re.findall(r"(\d+)/(\d+) examples done", log)
    assert 2 <= len(progress) < EXAMPLES, log  # more than the end, fewer than one a line
    assert [int(done) for done, _ in progress] == sorted(int(done) for done, _ in progress)
    assert {total for _, total in progress} == {str(EXAMPLES)}, log
    slowest = re.search(r"slowest: snippets/page/012_slow\.py (\d+\.\d) s", log)
    assert slowest and float(slowest[1]) >= 1.5, log

    (tmp_path / "snippets" / "page" / "001_quick.py").write_text(QUICK + "print('edited')\n")
    log = build_log(tmp_path)
    assert f"1 example to run, {EXAMPLES - 1} from the cache" in log, log


def test_mkdocs_serve_starts_the_runner_at_once_and_stops_it_at_the_end():
    """A saved snippet then runs without waiting for torch; `mkdocs build` starts none unless
    an example is to run."""
    execution.on_startup(command="build", dirty=False)
    assert execution.starting is None
    execution.on_startup(command="serve", dirty=False)
    runner = execution.starting.result(timeout=300)
    assert runner.process.poll() is None
    assert execution.started_runner() is runner
    execution.on_shutdown()
    assert runner.process.poll() is not None
