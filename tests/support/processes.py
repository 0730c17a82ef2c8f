"""Processes an example started: is one still running, and end it if a test finds it so."""

import contextlib
import os
import signal
from pathlib import Path

# Started by an example on purpose: a process that would outlive its job if nothing ended it.
BACKGROUND = "subprocess.Popen(['sleep', '600']{options})"


def running(pid: int) -> bool:
    """True while `sleep 600` runs as `pid` (a zombie, or another process reusing it, is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z" and command == b"sleep\x00600\x00"


def survivors(pids: list[int]) -> list[int]:
    """Those of `pids` still running, which are then killed so a failing test leaves nothing."""
    alive = [pid for pid in pids if running(pid)]
    for pid in alive:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return alive
