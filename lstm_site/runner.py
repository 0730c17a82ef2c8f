"""Run example scripts and notebooks in forked children of a process that imported torch once.

The build (snippets, notebooks) and the tests share this runner. `import torch` takes over a
second, and a kernel per notebook longer. A zygote process imports torch, then forks one child per
job, so every job starts warm and still runs alone: its own globals, folder, stdout and stderr.

- Jobs run in parallel, at most `workers` at a time (one per core by default).
- Every job has a time limit (`SITE_TIME_LIMIT` seconds, default 60); for a notebook the limit is
  per cell. Past it the child's process group is killed and the result says so, naming the cell.
- A child cannot reach the network: connecting anywhere but loopback raises at once, so an example
  that needs the network fails clearly instead of hanging or depending on the machine.
- A child that dies (a signal, `os._exit`) is reported as soon as it dies, with the signal's name
  or the exit status. When a job ends, however it ends, every process it started is ended.
- The kernel bounds each job: its output (`SITE_OUTPUT_LIMIT` bytes of stdout and stderr
  together) and its memory (`SITE_MEMORY_LIMIT` MB). Its output must be UTF-8 text.

The zygote and its children speak in short JSON lines on the zygote's stdout (one `os.write`
each, so lines from several children never interleave); results travel in files. Linux only
(`prctl`, `/proc`), as the site's build is.
"""

import ast
import contextlib
import faulthandler
import itertools
import json
import os
import queue
import re
import resource
import select
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

THREADS_VARIABLE = "RUNNER_TORCH_THREADS"
# Generous: the legitimate examples need a small fraction of each.
DEFAULT_TIME_LIMIT = 60.0  # seconds per snippet, or per notebook cell
DEFAULT_OUTPUT_LIMIT = 1_000_000  # bytes of stdout and stderr per example, all its cells together
DEFAULT_MEMORY_LIMIT = 2048  # MB of data (heap and private mappings) per example
PR_SET_CHILD_SUBREAPER = 36  # from <linux/prctl.h>


def time_limit() -> float:
    return float(os.environ.get("SITE_TIME_LIMIT", DEFAULT_TIME_LIMIT))


def output_limit() -> int:
    return int(os.environ.get("SITE_OUTPUT_LIMIT", DEFAULT_OUTPUT_LIMIT))


def memory_limit() -> int:
    return int(os.environ.get("SITE_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT))


@dataclass
class Run:
    """What one script or notebook printed, and how it ended."""

    returncode: int
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    cells: list[dict] = field(default_factory=list)  # notebooks: outputs of each code cell run
    failed_cell: int | None = None  # notebooks: the index of the cell that raised or hung
    error: str = ""  # what stopped the run, when it was not a raise
    where: dict = field(default_factory=dict)  # scripts: {"line", "exception"} of a raise or crash

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out and not self.error


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


def subreaper() -> None:
    """Adopt this process's orphaned descendants, rather than init (see `zygote`)."""
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def confine(job: dict) -> None:
    """Limits the kernel enforces on this job and on all it starts, which cannot raise them."""
    limits = {
        # Data (heap, private mappings), not address space: torch's libraries map hundreds of MB
        # that hold no memory, and thread stacks add more with every core.
        resource.RLIMIT_DATA: job["memory_limit"] * 2**20,
        # Any file it writes, so its stdout and stderr too: the write that would pass the limit
        # kills it (SIGXFSZ), so its output is never more than the limit to store or read.
        resource.RLIMIT_FSIZE: job["output_limit"],
        resource.RLIMIT_CORE: 0,  # a crash writes no core file of a torch process
    }
    for limit, value in limits.items():
        hard = resource.getrlimit(limit)[1]
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (value, value))
    # Python ignores SIGXFSZ: each write past the limit would raise, and the job go on.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)


def memory_note(error: BaseException | None, job: dict) -> str:
    """Said of an error caused by a failed allocation, which the memory limit likely caused."""
    causes = []
    while error is not None and error not in causes:  # libraries wrap it (torch.onnx, dynamo)
        causes.append(error)
        error = error.__cause__ or error.__context__
    # torch's CPU allocator raises RuntimeError("... can't allocate memory ..."), not MemoryError.
    if any(isinstance(e, MemoryError) or "can't allocate memory" in str(e) for e in causes):
        return f"; it ran out of the memory limit of {job['memory_limit']} MB (SITE_MEMORY_LIMIT)"
    return ""


def redirect(fd: int, path: str) -> None:
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(target, fd)
    os.close(target)


def raised(error: BaseException, job: dict) -> dict:
    """Print the traceback of what a script raised; return where it was raised, and what."""
    tb = error.__traceback__
    while tb and tb.tb_frame.f_code.co_filename != job["path"]:
        tb = tb.tb_next  # the reader's traceback starts in the script, not in this runner
    traceback.print_exception(type(error), error, tb or error.__traceback__)
    in_script = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == job["path"]]
    return {
        "line": in_script[-1].lineno if in_script else None,
        "exception": traceback.format_exception_only(error)[-1].strip() + memory_note(error, job),
    }


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
        if exit.code not in (None, 0):  # as for `python file.py`, sys.exit() is a success
            code, where = exit.code if isinstance(exit.code, int) else 1, raised(exit, job)
    except BaseException as error:
        code, where = 1, raised(error, job)
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
    """Run the cells; each one's stdout and stderr go to files `N.out`, `N.err` beside stdout."""
    namespace = {"__name__": "__main__"}
    cells, workdir = [], Path(job["stdout"]).parent
    for index, source, first_line in job["cells"]:
        say({"cell": index})
        redirect(1, str(workdir / f"{index}.out"))
        redirect(2, str(workdir / f"{index}.err"))
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
                "evalue": str(error) + memory_note(error, job),
                "traceback": [
                    "Traceback (most recent call last):\n",
                    *traceback.format_list(frames),
                    *traceback.format_exception_only(error),
                ],
            }
        sys.stdout.flush()
        sys.stderr.flush()
        if result is not None:
            outputs.append({"output_type": "execute_result", "data": result, "metadata": {}})
        if failure:
            outputs.append(failure)
        cells.append({"index": index, "outputs": outputs})  # the parent adds the streams
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
        subreaper()
        confine(job)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # stdin is the zygote's job pipe
        faulthandler.enable(file=2)  # a crash prints where it happened to the job's stderr
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
        os._exit(code)  # the zygote reports how this process ended


def report(events: int, message: dict) -> None:
    with contextlib.suppress(OSError):  # the parent is gone: the zygote still ends every job
        os.write(events, (json.dumps(message) + "\n").encode())


def children() -> set[int]:
    return {
        int(pid)
        for task in Path("/proc/self/task").iterdir()
        for pid in (task / "children").read_text().split()
    }


def end_orphans(jobs: dict[int, int]) -> None:
    """End every child of the zygote that is not a running job, and every child those leave."""
    while orphans := children() - jobs.keys():
        for pid in orphans:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for pid in orphans:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def reap(jobs: dict[int, int], events: int) -> None:
    """Report every job that ended, once all it started has ended too."""
    while True:
        try:
            ended = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG)
        except ChildProcessError:
            return
        if ended is None:
            return
        if ended.si_pid in jobs:
            end_orphans(jobs)
            how = "signal" if ended.si_code in (os.CLD_KILLED, os.CLD_DUMPED) else "exit"
            report(events, {"job": jobs.pop(ended.si_pid), how: ended.si_status})


def zygote() -> None:
    """Import torch once, then fork a child for every job line read from stdin.

    Nothing a job starts outlives it, even what leaves its process group (`setsid`, a daemon's
    double fork): each job is a subreaper, so its descendants' orphans stay in its tree while it
    runs; when it ends, they all pass to the zygote, the next subreaper up. So every child of the
    zygote that is not a running job was left by one that ended, and is ended (`end_orphans`).
    """
    import torch  # imported once; no tensor work happens before a fork

    threads = os.environ.get(THREADS_VARIABLE)
    if threads:
        torch.set_num_threads(int(threads))  # inherited by every child

    subreaper()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which closes this
    wake, woken = os.pipe()  # a child's exit (SIGCHLD) wakes the select below
    os.set_blocking(woken, False)
    signal.set_wakeup_fd(woken)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    events = os.dup(1)
    os.write(events, b'{"ready": true}\n')
    jobs: dict[int, int] = {}  # the pid of each running job: its id
    pending, reading = b"", True
    while reading or jobs:
        ready = select.select([0, wake] if reading else [wake], [], [])[0]
        if wake in ready:
            os.read(wake, 4096)
        if 0 in ready:
            data = os.read(0, 1 << 16)
            *lines, pending = (pending + data).split(b"\n")
            for line in lines:
                job = json.loads(line)
                pid = os.fork()
                if pid == 0:
                    signal.set_wakeup_fd(-1)
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    signal.signal(signal.SIGINT, signal.default_int_handler)
                    os.close(wake)
                    os.close(woken)
                    child(job, events)
                jobs[pid] = job["id"]
            if not data:  # the runner was closed, or its process died: stop what still runs
                reading = False
                for pid in jobs:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(pid, signal.SIGKILL)
        reap(jobs, events)


# ---------------------------------------------------------------- in the parent


def part(cell: int | None) -> str:
    return "the script" if cell is None else f"cell {cell}"


def follow(events: queue.Queue, limit: float) -> tuple[dict | None, int | None, bool]:
    """A job's events up to its end: (how it ended, its last cell, whether it ran too long).

    A job that runs too long is killed, and still followed to its end: once the zygote reports
    it, nothing the job started is running."""
    pid, cell, timed_out = None, None, False
    while True:
        try:
            event = events.get(timeout=limit)
        except queue.Empty:
            if timed_out:
                return None, cell, True
            timed_out = True
            if pid:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
            continue
        if "zygote_gone" in event:
            return None, cell, timed_out
        pid = event.get("pid", pid)
        cell = event.get("cell", cell)
        if "exit" in event or "signal" in event:
            return event, cell, timed_out


def streams(job: dict, folder: Path) -> list[tuple[int | None, str, Path]]:
    """(cell or None, "stdout" or "stderr", file) of everything a job printed, in order."""
    if job["kind"] == "notebook":
        names = [(index, f"{index}.out", f"{index}.err") for index, _, _ in job["cells"]]
    else:
        names = [(None, "stdout", "stderr")]
    return [
        (cell, stream, folder / name)
        for cell, out, err in names
        for stream, name in (("stdout", out), ("stderr", err))
        if (folder / name).exists()
    ]


def death(ended: dict, cell: int | None) -> str:
    if "exit" in ended:
        return f"{part(cell)} exited with status {ended['exit']} (os._exit?) before it finished"
    number = ended["signal"]
    why = "; the kernel's out-of-memory killer sends it" if number == signal.SIGKILL else ""
    name = signal.Signals(number).name
    return f"{part(cell)} was killed by signal {name} ({signal.strsignal(number)}{why})"


def ended_run(job: dict, folder: Path, ended: dict, cell: int | None) -> Run:
    """The Run of a job that ended, from its files; no more output than the limit is read."""
    limit, printed = job["output_limit"], streams(job, folder)
    if ended.get("signal") == signal.SIGXFSZ:
        return Run(
            returncode=-signal.SIGXFSZ,
            failed_cell=cell,
            error=f"{part(cell)} wrote more than the output limit of {limit} bytes "
            "(SITE_OUTPUT_LIMIT), to its output or to a file, and was stopped",
        )
    sizes = list(itertools.accumulate(path.stat().st_size for _, _, path in printed))
    if sizes and sizes[-1] > limit:
        over = next(printed[i][0] for i, size in enumerate(sizes) if size > limit)
        return Run(
            returncode=1,
            failed_cell=over,
            error=f"{part(over)} printed {sizes[-1]} bytes, more than the output limit of "
            f"{limit} bytes (SITE_OUTPUT_LIMIT)",
        )
    text, not_text = {}, None
    for index, stream, path in printed:
        data = path.read_bytes()
        text[index, stream] = data.decode("utf-8", errors="replace")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            not_text = not_text or (
                index,
                f"{part(index)} wrote output that is not UTF-8 ({stream}, byte {bad.start}: "
                f"{data[bad.start : bad.end]!r})",
            )
    if "signal" in ended or not (folder / "result").exists():
        # Python's faulthandler prints the stack of a crash, innermost call first; the reader's
        # ends in the example, not in this runner.
        stderr = "".join(
            line
            for line in text.get((cell, "stderr"), "").splitlines(keepends=True)
            if __file__ not in line and "<frozen runpy>" not in line
        )
        frame = re.search(rf'File "{re.escape(job["path"])}", line (\d+)', stderr)
        return Run(
            returncode=-ended["signal"] if "signal" in ended else ended["exit"],
            stdout=text.get((cell, "stdout"), ""),
            stderr=stderr,
            failed_cell=cell,
            error=death(ended, cell),
            where={"line": int(frame[1])} if frame else {},
        )
    result = json.loads((folder / "result").read_text(encoding="utf-8"))
    for ran in result.get("cells", []):
        ran["outputs"][:0] = [
            {"output_type": "stream", "name": stream, "text": text[ran["index"], stream]}
            for stream in ("stdout", "stderr")
            if text.get((ran["index"], stream))
        ]
    run = Run(**{name: text.get((None, name), "") for name in ("stdout", "stderr")}, **result)
    if not_text and run.ok:
        run.returncode, (run.failed_cell, run.error) = 1, not_text
    return run


class Runner:
    """Runs scripts and notebooks in children of one zygote; use as a context manager."""

    def __init__(self, workers: int | None = None, threads_per_job: int | None = None) -> None:
        """`threads_per_job`: torch's intra-op threads in each job (None: torch's default).

        The build runs one job per core with one thread each: several jobs of several threads
        each fight over the same cores, and the cold build gets slower. The tests run with
        torch's default, as a reader's `python file.py` does, and compare that with the page.
        """
        self.workers = threading.Semaphore(workers or os.cpu_count() or 1)
        env = {**os.environ, "PYTHONSAFEPATH": "1"}
        # Jobs run side by side: OpenMP's default spin-waiting burns the cores the other jobs
        # need. Results are the same; only how idle threads wait changes.
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
            limits = {"output_limit": output_limit(), "memory_limit": memory_limit()}
            job = {**job, **files, **limits, "id": job_id}
            with self.lock:
                self.process.stdin.write(json.dumps(job) + "\n")
                self.process.stdin.flush()
            try:
                ended, cell, timed_out = follow(events, limit)
            finally:
                del self.queues[job_id]
            if timed_out:
                return Run(
                    returncode=-signal.SIGKILL,
                    timed_out=True,
                    failed_cell=cell,
                    error=f"{part(cell)} ran longer than the time limit of {limit:g} s "
                    "(SITE_TIME_LIMIT) and was stopped",
                )
            if ended is None:
                return Run(returncode=1, error="the runner process died")
            return ended_run(job, Path(scratch), ended, cell)

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
