"""Run every example before any page is read: the snippets, notebooks and claims, in parallel.

The first step of the page pipeline (see mkdocs.yml, "Hooks"). In `on_files`:
- every `snippets/<page>/NNN_name.py` and every `docs/notebooks/*.py` is run by lstm_site/runner.py
  (forked from one process that imported torch, one job per core, a time limit, offline), unless
  its output is in the cache, keyed on the file's bytes and on lstm_site/environment.py's key
  (examples.py runs one and writes its entry: only a run that succeeded is cached);
- the log says how many run, how far they are and which were slowest (progress.py);
- what ran is kept in `outputs` for the later hooks: executed_snippets.py renders the snippets,
  and each notebook page is handed to mkdocs-jupyter as the executed .ipynb (a generated File in
  place of the jupytext source), which the plugin then only renders (`execute: false`);
- every claim (`claims/<id>.py`) runs on the whole grid the same way (lstm_site/claim_runs.py
  checks and caches its results), for lstm_site/claims.py to render and publish;
- the plugin's own cache of that rendering (its `cache` option, off in mkdocs.yml) is turned on
  here, in this environment's cache folder: keyed on the executed .ipynb's bytes, it saves
  converting each notebook twice (to HTML, and to Markdown for its contents) on every build.
  Its clean-up after a build removes only entries of that folder. The floor build, which runs
  no lstm_site/execution.py, converts every time and caches nothing.

A failure is logged as a warning (`--strict` fails), never raised, so `mkdocs serve` keeps
running and the page shows the failure instead of a stale output.
"""

import functools
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from lstm_site import outputs
from lstm_site.claim_runs import CLAIMS, cache_entry, run_claim
from lstm_site.environment import environment_key
from lstm_site.examples import (
    JOBS,
    build_runner,
    notebook_entry,
    run_notebook,
    run_snippet,
    snippet_entry,
)
from lstm_site.outputs import project_root
from lstm_site.paths import NOTEBOOKS, SNIPPETS
from lstm_site.progress import Progress
from lstm_site.runner import Runner

log = get_plugin_logger("execution")


def cache_dir(config: MkDocsConfig) -> Path:
    return cache_folder(project_root(config))


def cache_folder(root: Path) -> Path:
    """Where builds of the project at `root` keep what its examples printed, in this
    environment (the tests read the entries their build wrote)."""
    return root / ".cache" / "executed" / this_environment()


# Once a process: `mkdocs serve` keeps its packages, and its runner, until it is restarted.
this_environment = functools.cache(environment_key)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not {"cache", "cache_dir"} <= set(plugin.config):
        raise PluginError("mkdocs-jupyter has no `cache` and `cache_dir` options any more")
    plugin.config["cache"] = True
    plugin.config["cache_dir"] = str(cache_dir(config) / "rendered")
    return config


@event_priority(100)  # before mkdocs-jupyter's on_files, which wraps the notebook files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root, docs = project_root(config), Path(config.docs_dir).resolve()
    cache = cache_dir(config)
    # Each file's cache entry (its bytes hashed) once: it decides both whether to start the
    # runner and what each job reads or writes.
    snippets = {p: snippet_entry(root, p, cache) for p in sorted(root.glob(SNIPPETS))}
    notebooks = {p: notebook_entry(root, p, cache) for p in sorted(docs.glob(NOTEBOOKS))}
    claims = {p: cache_entry(root, p, cache) for p in sorted(root.glob(CLAIMS))}
    progress = progress_of(root, {**snippets, **notebooks, **claims})
    # No torch import when all is cached. The runner limits the parallel jobs; Progress times them.
    runner = progress.timing(started_runner(), JOBS) if progress.to_run else None
    with ThreadPoolExecutor(max_workers=8) as pool:
        # Notebooks first: they are the longest jobs, so the short ones fill in around them.
        notebook_runs = [pool.submit(run_notebook, runner, root, *job) for job in notebooks.items()]
        claim_runs = [pool.submit(run_claim, runner, root, *job) for job in claims.items()]
        snippet_runs = [pool.submit(run_snippet, runner, root, *job) for job in snippets.items()]
        outputs.snippets = {run.path: run for run in (f.result() for f in snippet_runs)}
        outputs.notebooks = {run.path: run for run in (f.result() for f in notebook_runs)}
        outputs.claims = {run.id: run for run in (f.result() for f in claim_runs)}
    progress.summary()
    for run in [*outputs.snippets.values(), *outputs.notebooks.values(), *outputs.claims.values()]:
        if not run.ok:
            log.warning(run.message())
        elif getattr(run, "stderr", ""):
            log.warning(f"{run.path} wrote to stderr (record warnings, print them):\n{run.stderr}")
    return Files([executed_file(file, config) for file in files])


def progress_of(root: Path, entries: dict[Path, Path]) -> Progress:
    """What the build will say of these examples: those without a cache entry run."""
    to_run = sum(not entry.exists() for entry in entries.values())
    return Progress(log, root, to_run, cached=len(entries) - to_run)


def executed_file(file: File, config: MkDocsConfig) -> File:
    """The executed .ipynb in place of a notebook's jupytext source, under the same URL."""
    run = outputs.notebook_run(file, config)
    if run is None:
        return file  # not a notebook, or it failed: the plugin renders the source, no outputs
    executed = File.generated(config, file.src_uri, abs_src_path=str(run.executed))
    executed.edit_uri = file.edit_uri  # "edit this page" still opens the jupytext source
    return executed


def on_startup(*, command: str, dirty: bool) -> None:
    """Under `mkdocs serve`, start the runner (it imports torch) while the site is first built:
    the first snippet saved then runs at once."""
    global starting
    if command == "serve" and outputs.runner is None and starting is None:
        starting = ThreadPoolExecutor(max_workers=1).submit(build_runner)


starting: Future | None = None  # the runner on_startup started, until a build takes it


def started_runner() -> Runner:
    """The build's runner: the one already started, else a new one."""
    global starting
    if outputs.runner is None:
        outputs.runner = starting.result() if starting else build_runner()
        starting = None
    return outputs.runner


def on_shutdown() -> None:
    if starting is not None:
        started_runner()  # to close it
    if outputs.runner is not None:
        outputs.runner.close()
        outputs.runner = None
