"""Run each claim on the whole grid and check what it printed: the build's claims, before pages.

lstm_site/execution.py runs every `claims/<id>.py` with no argument through the same runner as
the snippets (forked from one process that imported torch, in parallel, time-limited, offline).
A run is cached keyed on the file's bytes, on the code (not the comments) of the grid, the
helpers every predicate uses and this module, and, through the cache's folder, on the
environment; only a run that succeeded is cached. A run fails, naming its file, when it
raises, writes to stderr, or prints anything but one JSON line
`{"config": ..., "holds": true|false|null}` for each configuration of the grid, in the grid's
order (lstm_site/claim_axes.py), or applies to none.
"""

import json
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lstm_site.claim_axes import GRID
from lstm_site.environment import code_of, source_key
from lstm_site.runner import Runner

CLAIMS = "claims/*.py"
# What a claim's cached results depend on besides its own file: the grid, the helpers every
# predicate uses, and this module (how a run becomes results); their code, not their comments.
BEHAVIOUR = [
    Path(__file__).with_name(name) for name in ("claim_grid.py", "claim_axes.py", "claim_runs.py")
]


@dataclass
class ClaimRun:
    path: str  # claims/<id>.py
    ok: bool
    results: list[dict] = field(default_factory=list)  # [{"config": {...}, "holds": ...}]
    line: int | None = None  # where it raised, in the claim's file
    failure: str = ""
    traceback: str = ""

    @property
    def id(self) -> str:
        return Path(self.path).stem

    def message(self) -> str:
        """`file:line: exception` first, as for a snippet."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.failure}\n\n{self.traceback}".rstrip() + "\n"


def cache_entry(root: Path, path: Path, cache: Path) -> Path:
    code = [code_of(module) for module in BEHAVIOUR]
    key = source_key(path.relative_to(root).as_posix(), path.read_bytes(), *code)
    return cache / "claims" / f"{path.stem}-{key}.json"


def parse(stdout: str) -> list[dict]:
    """The results a claim printed on the whole grid; ValueError says what is wrong with them."""
    lines = stdout.splitlines()
    if len(lines) != len(GRID):
        raise ValueError(
            f"printed {len(lines)} lines, not one a configuration of the grid ({len(GRID)}): "
            'end the file with `if __name__ == "__main__": main(holds)` and print nothing else'
        )
    results = []
    for number, (line, config) in enumerate(zip(lines, GRID, strict=True), 1):
        try:
            result = json.loads(line)
        except json.JSONDecodeError:
            raise ValueError(f"output line {number} is not JSON: {line[:80]!r}") from None
        if not isinstance(result, dict) or set(result) != {"config", "holds"}:
            raise ValueError(f"output line {number} is not {{config, holds}}: {line[:80]!r}")
        if result["config"] != config:
            raise ValueError(f"output line {number} is {result['config']}, not the grid's {config}")
        if result["holds"] is not None and type(result["holds"]) is not bool:
            raise ValueError(f"output line {number}: holds is {result['holds']!r}, not a boolean")
        results.append(result)
    if all(result["holds"] is None for result in results):
        raise ValueError("the claim applies to no configuration of the grid (every result null)")
    return results


def run_claim(runner: Runner | None, root: Path, path: Path, entry: Path) -> ClaimRun:
    relative = path.relative_to(root).as_posix()
    if entry.exists():
        return ClaimRun(**json.loads(entry.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="claim-") as empty:  # as `python claims/<id>.py`
        run = runner.run_script(path.resolve(), empty)
    trace = run.stderr.replace(f"{root}/", "")
    if not run.ok:
        failure, line = run.where.get("exception") or run.error, run.where.get("line")
        return ClaimRun(relative, False, line=line, failure=failure, traceback=trace)
    if run.stderr:
        return ClaimRun(relative, False, failure="wrote to stderr", traceback=trace)
    try:
        result = ClaimRun(relative, True, results=parse(run.stdout))
    except ValueError as error:
        return ClaimRun(relative, False, failure=str(error))
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(json.dumps(asdict(result)), encoding="utf-8")
    return result
