"""Run every example before any page is read: the snippets, notebooks and claims, in parallel.

The first step of the page pipeline (see mkdocs.yml, "Hooks"). In `on_files`:
- every `snippets/<page>/NNN_name.py` and every `docs/notebooks/*.py` is run by lstm_site/runner.py
  (forked from one process that imported torch, one job per core, a time limit, offline), unless
  its output is in the cache, keyed on the file's bytes and on lstm_site/environment.py's key;
- only a run that succeeded is cached, so a failing edit leaves the last good entry in place;
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

import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from lstm_site import outputs
from lstm_site.claim_runs import CLAIMS, cache_entry, run_claim
from lstm_site.environment import environment_key, source_key
from lstm_site.outputs import project_root
from lstm_site.runner import Runner

log = get_plugin_logger("execution")
SNIPPETS = "snippets/*/*.py"
NOTEBOOKS = "notebooks/*.py"  # in docs/
CELL_MARKER = "# %%"


def cache_dir(config: MkDocsConfig) -> Path:
    root = project_root(config)
    return root / ".cache" / "executed" / environment_key()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not {"cache", "cache_dir"} <= set(plugin.config):
        raise PluginError("mkdocs-jupyter has no `cache` and `cache_dir` options any more")
    plugin.config["cache"] = True
    plugin.config["cache_dir"] = str(cache_dir(config) / "rendered")
    return config


def code_cells(path: Path, notebook) -> list[tuple[int, str, int]]:
    """(1-based cell number, source, line of its first code line in the file) for code cells."""
    lines = path.read_text(encoding="utf-8").split("\n")
    markers = [number for number, line in enumerate(lines, 1) if line.startswith(CELL_MARKER)]
    if len(markers) != len(notebook.cells):
        markers = [0] * len(notebook.cells)  # unusual layout: tracebacks then count from line 1
    return [
        (index, cell.source, markers[index - 1] + 1)
        for index, cell in enumerate(notebook.cells, 1)
        if cell.cell_type == "code"
    ]


def snippet_entry(root: Path, path: Path, cache: Path) -> Path:
    key = source_key(path.relative_to(root).as_posix(), path.read_bytes())
    return cache / "snippets" / f"{key}.json"


def notebook_entry(root: Path, path: Path, cache: Path) -> Path:
    key = source_key(path.relative_to(root).as_posix(), path.read_bytes())
    return cache / "notebooks" / f"{path.stem}-{key}.ipynb"


def run_snippet(runner: Runner, root: Path, path: Path, entry: Path) -> outputs.SnippetRun:
    relative = path.relative_to(root).as_posix()
    if entry.exists():
        return outputs.SnippetRun(**json.loads(entry.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="snippet-") as empty:  # as `python file.py`, alone
        run = runner.run_script(path.resolve(), empty)
    result = outputs.SnippetRun(
        path=relative,
        stdout=run.stdout,
        stderr=run.stderr,
        ok=run.ok,
        line=run.where.get("line"),
        failure=run.where.get("exception") or run.error,
        traceback=run.stderr.replace(f"{root}/", "") if not run.ok else "",
    )
    if result.ok:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps(result.__dict__), encoding="utf-8")
    return result


def run_notebook(runner: Runner, root: Path, path: Path, executed: Path) -> outputs.NotebookRun:
    relative = path.relative_to(root).as_posix()
    if executed.exists():
        return outputs.NotebookRun(path=relative, executed=executed, ok=True)
    notebook = jupytext.read(path)
    with tempfile.TemporaryDirectory(prefix="notebook-") as empty:
        run = runner.run_notebook(path.resolve(), code_cells(path, notebook), empty)
    if not run.ok:
        failure, trace = run.error, run.stderr.replace(f"{root}/", "")  # a crash's stack
        for cell in run.cells:
            for output in cell["outputs"]:
                if output["output_type"] == "error":
                    failure = f"{output['ename']}: {output['evalue']}"
                    trace = "".join(output["traceback"]).replace(f"{root}/", "")
        return outputs.NotebookRun(
            path=relative, ok=False, cell=run.failed_cell, failure=failure, traceback=trace
        )
    for count, ran in enumerate(run.cells, 1):
        cell = notebook.cells[ran["index"] - 1]
        cell.execution_count = count
        cell.outputs = [nbformat.from_dict(output) for output in ran["outputs"]]
    nbformat.validate(notebook)
    executed.parent.mkdir(parents=True, exist_ok=True)
    partial = executed.with_suffix(".partial")
    nbformat.write(notebook, partial)
    os.replace(partial, executed)  # never a half-written entry, even if the build is stopped
    return outputs.NotebookRun(path=relative, executed=executed, ok=True)


@event_priority(100)  # before mkdocs-jupyter's on_files, which wraps the notebook files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root, docs = project_root(config), Path(config.docs_dir).resolve()
    cache = cache_dir(config)
    # Each file's cache entry (its bytes hashed) once: it decides both whether to start the
    # runner and what each job reads or writes.
    snippets = {p: snippet_entry(root, p, cache) for p in sorted(root.glob(SNIPPETS))}
    notebooks = {p: notebook_entry(root, p, cache) for p in sorted(docs.glob(NOTEBOOKS))}
    claims = {p: cache_entry(root, p, cache) for p in sorted(root.glob(CLAIMS))}
    runner = outputs.runner
    entries = [*snippets.values(), *notebooks.values(), *claims.values()]
    if not all(entry.exists() for entry in entries):
        log.info("Running the examples that changed (not in the cache)")
        if runner is None:
            runner = outputs.runner = Runner(threads_per_job=1)  # no torch import when all cached
    with ThreadPoolExecutor(max_workers=8) as pool:  # the runner limits the parallel jobs
        # Notebooks first: they are the longest jobs, so the short ones fill in around them.
        notebook_runs = [pool.submit(run_notebook, runner, root, *job) for job in notebooks.items()]
        claim_runs = [pool.submit(run_claim, runner, root, *job) for job in claims.items()]
        snippet_runs = [pool.submit(run_snippet, runner, root, *job) for job in snippets.items()]
        outputs.snippets = {run.path: run for run in (f.result() for f in snippet_runs)}
        outputs.notebooks = {run.path: run for run in (f.result() for f in notebook_runs)}
        outputs.claims = {run.id: run for run in (f.result() for f in claim_runs)}
    for run in [*outputs.snippets.values(), *outputs.notebooks.values(), *outputs.claims.values()]:
        if not run.ok:
            log.warning(run.message())
        elif getattr(run, "stderr", ""):
            log.warning(f"{run.path} wrote to stderr (record warnings, print them):\n{run.stderr}")
    return Files([executed_file(file, config) for file in files])


def executed_file(file: File, config: MkDocsConfig) -> File:
    """The executed .ipynb in place of a notebook's jupytext source, under the same URL."""
    run = outputs.notebook_run(file, config)
    if run is None:
        return file  # not a notebook, or it failed: the plugin renders the source, no outputs
    executed = File.generated(config, file.src_uri, abs_src_path=str(run.executed))
    executed.edit_uri = file.edit_uri  # "edit this page" still opens the jupytext source
    return executed


def on_shutdown() -> None:
    if outputs.runner is not None:
        outputs.runner.close()
        outputs.runner = None
