"""Run example scripts and notebooks in forked children of a process that imported torch once.

The build (snippets, notebooks) and the tests share this runner. `import torch` costs about 1.4 s
here; a kernel per notebook costs more. A zygote process imports torch, then forks one child per
job, so every job starts warm and still runs alone: its own globals, folder, stdout and stderr.

- Jobs run in parallel, at most `workers` at a time (one per core by default).
- Every job has a time limit (`SITE_TIME_LIMIT` seconds, default 60); for a notebook the limit is
  per cell. Past it the child's process group is killed and the result says so, naming the cell.
- A child cannot reach the network: connecting anywhere but loopback raises at once, so an example
  that needs the network fails clearly instead of hanging or depending on the machine.

The zygote and its children speak in short JSON lines on the zygote's stdout (one `os.write`
each, so lines from several children never interleave); results travel in files.
"""

import ast
import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

THREADS_VARIABLE = "RUNNER_TORCH_THREADS"
DEFAULT_TIME_LIMIT = 60.0  # seconds per snippet, or per notebook cell; nothing legitimate nears it


def time_limit() -> float:
    return float(os.environ.get("SITE_TIME_LIMIT", DEFAULT_TIME_LIMIT))


@dataclass
class Run:
    """What one script or notebook printed, and how it ended."""

    returncode: int
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    cells: list[dict] = field(default_factory=list)  # notebooks: outputs of each code cell run
    failed_cell: int | None = None  # notebooks: the index of the cell that raised or hung
    error: str = ""  # what stopped the run, when the runner stopped it
    where: dict = field(default_factory=dict)  # scripts: {"line", "exception"} of a raise

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


# ---------------------------------------------------------------- inside a child (after fork)


def refuse_network() -> None:
    """Make any connection off this machine fail at once with a clear message."""
    import socket

    def local(address) -> bool:
        host = address[0] if isinstance(address, tuple) else address
        return isinstance(host, str) and (host in ("localhost", "::1") or host.startswith("127."))

    def guard(connect):
        def guarded(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6) and not local(address):
                raise ConnectionRefusedError(
                    f"examples run offline: no connection to {address!r} (snippets and "
                    "notebooks must make their own data)"
                )
            return connect(self, address, *args)

        return guarded

    def guard_lookup(getaddrinfo):
        def guarded(host, *args, **kwargs):
            if host is not None and not local(host if isinstance(host, str) else host.decode()):
                raise ConnectionRefusedError(
                    f"examples run offline: no lookup of {host!r} (snippets and notebooks must "
                    "make their own data)"
                )
            return getaddrinfo(host, *args, **kwargs)

        return guarded

    socket.socket.connect = guard(socket.socket.connect)
    socket.socket.connect_ex = guard(socket.socket.connect_ex)
    socket.getaddrinfo = guard_lookup(socket.getaddrinfo)


def redirect(fd: int, path: str) -> None:
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(target, fd)
    os.close(target)


def run_script_child(job: dict) -> dict:
    redirect(1, job["stdout"])
    redirect(2, job["stderr"])
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 (fd 1 lives as long as the child)
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
    import runpy

    code, where = 0, {}
    try:
        runpy.run_path(job["path"], run_name="__main__")
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    except BaseException as error:
        tb = error.__traceback__
        while tb and tb.tb_frame.f_code.co_filename != job["path"]:
            tb = tb.tb_next  # the reader's traceback starts in the script, not in this runner
        traceback.print_exception(type(error), error, tb or error.__traceback__)
        code = 1
        in_script = [
            f for f in traceback.extract_tb(error.__traceback__) if f.filename == job["path"]
        ]
        where = {
            "line": in_script[-1].lineno if in_script else None,
            "exception": traceback.format_exception_only(error)[-1].strip(),
        }
    sys.stdout.flush()
    sys.stderr.flush()
    return {"returncode": code, "where": where}


def run_cell(source: str, path: str, first_line: int, namespace: dict) -> dict | None:
    """Run one cell as IPython would: the value of a last bare expression is its result."""
    tree = ast.parse(source, filename=path)
    ast.increment_lineno(tree, first_line - 1)  # tracebacks point into the notebook's own file
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if last is not None:
        tree.body.pop()
    exec(compile(tree, path, "exec"), namespace)
    if last is None:
        return None
    value = eval(compile(ast.Expression(last.value), path, "eval"), namespace)
    return None if value is None else {"text/plain": repr(value)}


def run_notebook_child(job: dict, say) -> dict:
    namespace = {"__name__": "__main__"}
    cells, workdir = [], Path(job["stdout"]).parent
    for index, source, first_line in job["cells"]:
        say({"cell": index})
        out, err = str(workdir / f"{index}.out"), str(workdir / f"{index}.err")
        redirect(1, out)
        redirect(2, err)
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        outputs, result, failure = [], None, None
        try:
            result = run_cell(source, job["path"], first_line, namespace)
        except BaseException as error:
            frames = traceback.extract_tb(error.__traceback__)
            # Keep only the frames in the notebook and what it called, not this runner's.
            frames = [f for f in frames if f.filename != __file__]
            failure = {
                "output_type": "error",
                "ename": type(error).__name__,
                "evalue": str(error),
                "traceback": [
                    "Traceback (most recent call last):\n",
                    *traceback.format_list(frames),
                    *traceback.format_exception_only(error),
                ],
            }
        sys.stdout.flush()
        sys.stderr.flush()
        for name, file in (("stdout", out), ("stderr", err)):
            text = Path(file).read_text(encoding="utf-8", errors="replace")
            if text:
                outputs.append({"output_type": "stream", "name": name, "text": text})
        if result is not None:
            outputs.append({"output_type": "execute_result", "data": result, "metadata": {}})
        if failure:
            outputs.append(failure)
        cells.append({"index": index, "outputs": outputs})
        if failure:
            return {"returncode": 1, "cells": cells, "failed_cell": index}
    return {"returncode": 0, "cells": cells}


def child(job: dict, events: int) -> None:
    """Run one job in this forked child and report on `events`; never returns."""

    def say(message: dict) -> None:
        os.write(events, (json.dumps({"job": job["id"], **message}) + "\n").encode())

    code = 1
    try:
        os.setpgrp()  # the parent kills the whole group on a time-out
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # stdin is the zygote's job pipe
        os.chdir(job["cwd"])
        sys.argv = [job["path"], *job.get("args", [])]
        refuse_network()
        say({"pid": os.getpid()})
        if job["kind"] == "notebook":
            result = run_notebook_child(job, say)
        else:
            result = run_script_child(job)
        Path(job["result"]).write_text(json.dumps(result), encoding="utf-8")
        code = 0
    except BaseException:
        Path(job["result"]).write_text(
            json.dumps({"returncode": 1, "error": traceback.format_exc()}), encoding="utf-8"
        )
    finally:
        say({"done": True})
        os._exit(code)


def zygote() -> None:
    """Import torch once, then fork a child for every job line read from stdin."""
    import torch  # imported once; no tensor work happens before a fork

    threads = os.environ.get(THREADS_VARIABLE)
    if threads:
        torch.set_num_threads(int(threads))  # inherited by every child

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    events = os.dup(1)
    os.write(events, b'{"ready": true}\n')
    for line in sys.stdin:
        job = json.loads(line)
        if os.fork() == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            child(job, events)


# ---------------------------------------------------------------- in the parent


class Runner:
    """Runs scripts and notebooks in children of one zygote; use as a context manager."""

    def __init__(self, workers: int | None = None, threads_per_job: int | None = None) -> None:
        """`threads_per_job`: torch's intra-op threads in each job (None: torch's default).

        The build runs one job per core with one thread each: two jobs of two threads each on
        two cores made the cold build 55 s instead of 38 s. The tests run with torch's default,
        as a reader's `python file.py` does, and compare that with the page.
        """
        self.workers = threading.Semaphore(workers or os.cpu_count() or 1)
        env = {**os.environ, "PYTHONSAFEPATH": "1"}
        # Jobs run side by side: OpenMP's default spin-waiting burns the cores the other jobs
        # need (every snippet, three at a time on two cores: 37 s, passive 23 s). Results are
        # the same; only how idle threads wait changes.
        env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        if threads_per_job:
            env[THREADS_VARIABLE] = str(threads_per_job)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lstm_site.runner"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.queues: dict[int, queue.Queue] = {}
        self.lock = threading.Lock()
        self.next_id = 0
        self.ready = queue.Queue()
        threading.Thread(target=self.read_events, daemon=True).start()
        self.ready.get(timeout=120)

    def read_events(self) -> None:
        for line in self.process.stdout:
            event = json.loads(line)
            if "ready" in event:
                self.ready.put(True)
            elif event["job"] in self.queues:
                self.queues[event["job"]].put(event)
        for pending in list(self.queues.values()):
            pending.put({"zygote_gone": True})

    def __enter__(self) -> "Runner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)

    def submit(self, job: dict, limit: float) -> Run:
        with self.lock:
            self.next_id += 1
            job_id = self.next_id
            events = self.queues[job_id] = queue.Queue()
        with self.workers, tempfile.TemporaryDirectory(prefix="run-") as scratch:
            files = {name: str(Path(scratch) / name) for name in ("stdout", "stderr", "result")}
            with self.lock:
                self.process.stdin.write(json.dumps({**job, **files, "id": job_id}) + "\n")
                self.process.stdin.flush()
            pid, cell = None, None
            try:
                while True:
                    try:
                        event = events.get(timeout=limit)
                    except queue.Empty:
                        if pid:
                            with contextlib.suppress(ProcessLookupError):
                                os.killpg(pid, signal.SIGKILL)
                        what = f"cell {cell}" if cell is not None else "the script"
                        return Run(
                            returncode=-signal.SIGKILL,
                            timed_out=True,
                            failed_cell=cell,
                            error=f"{what} ran longer than the time limit of {limit:g} s "
                            "(SITE_TIME_LIMIT) and was stopped",
                        )
                    if "zygote_gone" in event:
                        return Run(returncode=1, error="the runner process died")
                    pid = event.get("pid", pid)
                    cell = event.get("cell", cell)
                    if event.get("done"):
                        break
            finally:
                del self.queues[job_id]
            result = json.loads(Path(files["result"]).read_text(encoding="utf-8"))
            captured = {
                name: Path(files[name]).read_text(encoding="utf-8", errors="replace")
                for name in ("stdout", "stderr")
                if Path(files[name]).exists()
            }
            return Run(**captured, **result)

    def run_script(
        self, path: Path | str, cwd: Path | str, limit: float | None = None, args: tuple = ()
    ) -> Run:
        """Run a file as `python path *args` would, from the folder `cwd`."""
        job = {"kind": "script", "path": str(path), "cwd": str(cwd), "args": list(args)}
        return self.submit(job, limit or time_limit())

    def run_notebook(
        self, path: Path | str, cells: list[tuple[int, str, int]], cwd: Path | str, limit=None
    ) -> Run:
        """Run the code cells `(index, source, first line in path)` in order, in one namespace."""
        job = {"kind": "notebook", "path": str(path), "cwd": str(cwd), "cells": cells}
        return self.submit(job, limit or time_limit())


if __name__ == "__main__":
    zygote()
