"""What this build's examples and claims printed: filled by execution.py, read by the page hooks."""

from dataclasses import dataclass
from pathlib import Path

from lstm_site.claim_runs import ClaimRun
from lstm_site.runner import Runner


@dataclass
class SnippetRun:
    path: str  # snippets/<page>/NNN_name.py
    stdout: str
    stderr: str
    ok: bool
    line: int | None = None  # where it raised, in the snippet
    failure: str = ""  # "ValueError: message", or what stopped it
    traceback: str = ""

    def message(self) -> str:
        """The build's message for a failure: `file:line: exception` first, as a compiler's."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.failure}\n\n{self.traceback}".rstrip() + "\n"


@dataclass
class NotebookRun:
    path: str  # docs/notebooks/name.py
    ok: bool
    executed: Path | None = None  # the executed .ipynb, in the cache
    cell: int | None = None  # the cell that raised or ran too long
    failure: str = ""
    traceback: str = ""

    def message(self) -> str:
        where = f"{self.path}, cell {self.cell}" if self.cell else self.path
        return f"{where}: {self.failure}\n\n{self.traceback}".rstrip() + "\n"


snippets: dict[str, SnippetRun] = {}
notebooks: dict[str, NotebookRun] = {}
claims: dict[str, ClaimRun] = {}  # by claim id
runner: Runner | None = None  # started on the first build that has something to run


def project_root(config) -> Path:
    """The folder of mkdocs.yml, absolute even when mkdocs was given a relative `-f` path."""
    return Path(config.config_file_path).resolve().parent


def notebook_run(file, config) -> NotebookRun | None:
    """The successful run of the notebook this docs file is, or None (not a notebook, failed)."""
    docs = Path(config.docs_dir).resolve().relative_to(project_root(config))
    run = notebooks.get((docs / file.src_uri).as_posix())
    return run if run is not None and run.ok else None
