"""What the build says while examples run: how many, how far they are, and the slowest.

A cold build runs every example, which takes a while. Before them, one line says how many will run
and how many come from the cache; as they finish, a line each tenth of them; at the end, the
slowest few with their seconds: whether to wait, and what to speed up.
"""

import math
import threading
import time
from logging import Logger
from pathlib import Path

from lstm_site.runner import Run, Runner

SLOWEST = 5  # named at the end
RUNNING = "Running the examples that changed"  # the first line's start: did anything run?
LINES = 10  # progress lines at most, however many examples run


def examples(count: int) -> str:
    return f"{count} example{'s' if count != 1 else ''}"


class Progress:
    """Counts and times the examples of one build as the runner runs them (`timing`)."""

    def __init__(self, log: Logger, root: Path, to_run: int, cached: int) -> None:
        self.log, self.root, self.to_run = log, root, to_run
        self.step = math.ceil(to_run / LINES) or 1
        self.seconds: dict[str, float] = {}
        self.lock = threading.Lock()
        self.start = time.perf_counter()
        if to_run:  # the fault tests read its first words, RUNNING (did anything run?),
            # tests/conftest.py its end (did every example run?)
            log.info(f"{RUNNING}: {examples(to_run)} to run, {cached} from the cache")

    def timing(self, runner: Runner, jobs: int) -> "TimedRunner":
        return TimedRunner(runner, self, jobs)

    def finished(self, path: Path, seconds: float) -> None:
        with self.lock:
            self.seconds[Path(path).resolve().relative_to(self.root).as_posix()] = seconds
            done = len(self.seconds)
        if done % self.step == 0 and done < self.to_run:
            elapsed = time.perf_counter() - self.start
            self.log.info(f"{done}/{self.to_run} examples done ({elapsed:.0f} s)")

    def summary(self) -> None:
        """The last line: how long they took, and the slowest."""
        if not self.seconds:
            return
        slowest = sorted(self.seconds.items(), key=lambda item: -item[1])[:SLOWEST]
        named = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in slowest)
        elapsed = time.perf_counter() - self.start
        self.log.info(f"{examples(len(self.seconds))} ran in {elapsed:.1f} s; slowest: {named}")


class TimedRunner:
    """The runner, each run counted and timed. At most `jobs` run at once, as in the runner,
    and the clock starts when a run does: its seconds are its own, not a wait for a core."""

    def __init__(self, runner: Runner, progress: Progress, jobs: int) -> None:
        self.runner, self.progress = runner, progress
        self.slots = threading.Semaphore(jobs)

    def run_script(self, path: Path | str, *args, **kwargs) -> Run:
        return self.timed(path, self.runner.run_script, path, *args, **kwargs)

    def run_notebook(self, path: Path | str, *args, **kwargs) -> Run:
        return self.timed(path, self.runner.run_notebook, path, *args, **kwargs)

    def timed(self, path: Path | str, run, *args, **kwargs) -> Run:
        with self.slots:
            start = time.perf_counter()
            try:
                return run(*args, **kwargs)
            finally:
                self.progress.finished(Path(path), time.perf_counter() - start)
