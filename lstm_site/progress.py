"""What the build says while examples run: how many, how far they are, and the slowest.

A cold build runs every example, which takes a while. Before them, one line says how many will run
and how many come from the cache; as they finish, a line each tenth of them; at the end, the
slowest few with their seconds: whether to wait, and what to speed up.
"""

import math
import threading
import time
from collections.abc import Callable
from logging import Logger
from pathlib import Path
from typing import TypeVar

SLOWEST = 5  # named at the end
LINES = 10  # progress lines at most, however many examples run
Result = TypeVar("Result")


def examples(count: int) -> str:
    return f"{count} example{'s' if count != 1 else ''}"


class Progress:
    """Counts the examples of one build as they finish; `timed` wraps each job."""

    def __init__(self, log: Logger, root: Path, to_run: list[Path], cached: int) -> None:
        self.log, self.root, self.running = log, root, set(to_run)
        self.to_run = len(to_run)
        self.step = math.ceil(self.to_run / LINES) or 1
        self.seconds: dict[str, float] = {}
        self.lock = threading.Lock()
        self.start = time.perf_counter()
        if to_run:  # tests/test_faults.py reads this line's first words: did anything run?
            log.info(
                f"Running the examples that changed: {examples(self.to_run)} to run, "
                f"{cached} from the cache"
            )

    def timed(self, path: Path, job: Callable[..., Result], *args) -> Result:
        """`job(*args)`; when `path` is one that runs, timed and counted once it ends."""
        if path not in self.running:
            return job(*args)
        start = time.perf_counter()
        try:
            return job(*args)
        finally:
            self.finished(path.relative_to(self.root).as_posix(), time.perf_counter() - start)

    def finished(self, name: str, seconds: float) -> None:
        with self.lock:
            self.seconds[name] = seconds
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
