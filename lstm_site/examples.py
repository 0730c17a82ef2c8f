"""One example's run, and its entry in the execution cache.

A snippet's entry is what it printed (outputs.SnippetRun, as JSON); a notebook's, the executed
.ipynb. Only a run that succeeded is written, so a failing edit leaves the last good entry in
place. This module's code is part of the cache's key (environment.py): a change to it starts a
new cache, as a change to the runner does.
"""

import json
import os
import tempfile
from pathlib import Path

import jupytext
import nbformat

from lstm_site import outputs
from lstm_site.environment import source_key
from lstm_site.runner import Runner

CELL_MARKER = "# %%"
JOBS = os.cpu_count() or 1  # examples run at once


def build_runner() -> Runner:
    """The build's runner: one job per core, each with one torch thread (the tests run with
    torch's default, as a reader's `python file.py` does, and compare)."""
    return Runner(workers=JOBS, threads_per_job=1)


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


def read_snippet_entry(entry: Path) -> outputs.SnippetRun:
    return outputs.SnippetRun(**json.loads(entry.read_text(encoding="utf-8")))


def run_snippet(runner: Runner, root: Path, path: Path, entry: Path) -> outputs.SnippetRun:
    relative = path.relative_to(root).as_posix()
    if entry.exists():
        return read_snippet_entry(entry)
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
        failure, trace = run.error, ""
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
