"""The runner the build and the tests share: alone, time-limited, offline, faithful tracebacks."""

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lstm_site import runner as runner_module
from lstm_site.runner import Runner
from tests.support.processes import BACKGROUND, survivors


@pytest.fixture(scope="module")
def runner():
    with Runner(workers=2) as shared:
        yield shared


def script(tmp_path, name: str, code: str):
    path = tmp_path / name
    path.write_text(code)
    return path


def test_a_script_runs_alone_in_its_folder(runner, tmp_path):
    path = script(
        tmp_path, "a.py", "import os, torch\nx = 1\nprint(os.getcwd(), torch.ones(2).shape)\n"
    )
    run = runner.run_script(path, tmp_path)
    assert run.ok and run.stdout == f"{tmp_path} torch.Size([2])\n" and not run.stderr
    other = script(tmp_path, "b.py", "print('x' in globals())\n")
    assert runner.run_script(other, tmp_path).stdout == "False\n"  # nothing leaks between runs


def test_a_raise_names_the_line_and_the_exception(runner, tmp_path):
    path = script(tmp_path, "raises.py", "x = 1\n\nraise ValueError('deliberate')\n")
    run = runner.run_script(path, tmp_path)
    assert run.returncode == 1 and not run.timed_out
    assert run.where == {"line": 3, "exception": "ValueError: deliberate"}
    assert run.stderr.startswith("Traceback") and "runner.py" not in run.stderr


def test_a_hanging_script_is_stopped_at_the_limit(runner, tmp_path):
    path = script(tmp_path, "hangs.py", "import time\nwhile True:\n    time.sleep(1)\n")
    start = time.monotonic()
    run = runner.run_script(path, tmp_path, limit=1)
    assert run.timed_out and not run.ok
    assert "the script ran longer than the time limit of 1 s" in run.error
    assert time.monotonic() - start < 10


def test_the_network_is_refused_at_once(runner, tmp_path):
    code = "import urllib.request\nurllib.request.urlopen('http://example.com', timeout=30)\n"
    run = runner.run_script(script(tmp_path, "net.py", code), tmp_path, limit=20)
    assert run.returncode == 1 and "examples run offline" in run.where["exception"]


def test_jobs_run_in_parallel(runner, tmp_path):
    path = script(tmp_path, "sleeps.py", "import time\ntime.sleep(1)\nprint('done')\n")
    start = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: runner.run_script(path, tmp_path), range(2)))
    assert [run.stdout for run in runs] == ["done\n", "done\n"]
    assert time.monotonic() - start < 1.9


def test_notebook_cells_share_a_namespace_and_show_a_last_value(runner, tmp_path):
    cells = [(2, "a = 2\nprint('x')", 3), (4, "a * 3", 7)]
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path)
    assert run.ok
    assert run.cells[0]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": "x\n"}]
    assert run.cells[1]["outputs"][0]["data"] == {"text/plain": "6"}


def test_a_failing_cell_points_into_the_notebook_file(runner, tmp_path):
    cells = [(2, "a = 1", 3), (4, "b = 2\nraise RuntimeError('deliberate')", 10)]
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path)
    assert not run.ok and run.failed_cell == 4
    error = run.cells[-1]["outputs"][-1]
    assert (error["ename"], error["evalue"]) == ("RuntimeError", "deliberate")
    assert f'File "{tmp_path / "nb.py"}", line 11' in "".join(error["traceback"])


def test_a_hanging_cell_is_named(runner, tmp_path):
    cells = [(2, "a = 1", 3), (5, "while True:\n    pass", 9)]
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path, limit=1)
    assert run.timed_out and run.failed_cell == 5
    assert "cell 5 ran longer than the time limit of 1 s" in run.error


# ---------------------------------------------------------------- faults an example can cause

CRASHES = {
    "segfault": ("import ctypes\n\nctypes.string_at(0)\n", "was killed by signal SIGSEGV"),
    "os-exit": ("import os\n\nos._exit(3)\n", "exited with status 3"),
    "sigkill": (  # as the kernel's out-of-memory killer sends it
        "import os\nimport signal\n\nos.kill(os.getpid(), signal.SIGKILL)\n",
        "was killed by signal SIGKILL",
    ),
}


@pytest.mark.parametrize("crash", CRASHES, ids=CRASHES)
def test_a_crash_is_reported_at_once_with_its_signal_or_status(runner, tmp_path, crash):
    code, expected = CRASHES[crash]
    start = time.monotonic()
    run = runner.run_script(script(tmp_path, "crash.py", code), tmp_path, limit=60)
    assert time.monotonic() - start < 10, "the crash was noticed only at the time limit"
    assert not run.ok and not run.timed_out, run
    assert f"the script {expected}" in run.error, run.error
    if crash == "segfault":  # Python's faulthandler shows where it died
        assert run.where.get("line") == 3 and 'crash.py", line 3' in run.stderr


def test_a_crashing_cell_is_named(runner, tmp_path):
    cells = [(2, "a = 1", 3), (4, "import ctypes\nctypes.string_at(0)", 7)]
    start = time.monotonic()
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path, limit=60)
    assert time.monotonic() - start < 10 and not run.timed_out
    assert run.failed_cell == 4 and "cell 4 was killed by signal SIGSEGV" in run.error, run
    assert f'File "{tmp_path / "nb.py"}", line 8' in run.stderr  # faulthandler's traceback


ENDINGS = {
    "returns": "",
    "raises": "raise ValueError('deliberate')\n",
    "crashes": "os._exit(3)\n",
    "hangs": "time.sleep(600)\n",
}


@pytest.mark.parametrize("ending", ENDINGS, ids=ENDINGS)
def test_nothing_a_job_started_outlives_it(runner, tmp_path, ending):
    """A process in the job's group, and one in a session of its own, however the job ends."""
    pids = tmp_path / "pids"
    code = (
        "import os\nimport subprocess\nimport time\n\n"
        f"group = {BACKGROUND.format(options='')}\n"
        f"session = {BACKGROUND.format(options=', start_new_session=True')}\n"
        f"open({str(pids)!r}, 'w').write(f'{{group.pid}} {{session.pid}}')\n" + ENDINGS[ending]
    )
    run = runner.run_script(script(tmp_path, "starts.py", code), tmp_path, limit=3)
    assert run.ok == (ending == "returns"), run
    started = [int(pid) for pid in pids.read_text().split()]
    assert len(started) == 2
    assert not survivors(started), "a process the example started outlived its job"


def test_closing_the_runner_ends_what_still_runs(tmp_path):
    """As when `mkdocs serve` stops during a build: the running job and what it started end."""
    pids = tmp_path / "pids"
    code = (
        f"import os\nimport subprocess\nimport time\n\nsleep = {BACKGROUND.format(options='')}\n"
        f"open({str(pids)!r}, 'w').write(f'{{os.getpid()}} {{sleep.pid}}')\n"
        "while True:\n    time.sleep(1)\n"
    )
    path = script(tmp_path, "hangs.py", code)
    runner = Runner(workers=1)
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(runner.run_script, path, tmp_path, 60)
        while not pids.exists() or len(pids.read_text().split()) < 2:
            time.sleep(0.1)
        job, sleep = (int(pid) for pid in pids.read_text().split())
        runner.close()
        assert not pending.result(timeout=30).ok
    assert runner.process.returncode is not None
    job_alive = Path(f"/proc/{job}").exists()
    if job_alive:
        os.kill(job, signal.SIGKILL)
    assert not job_alive, "the job outlived the runner"
    assert not survivors([sleep])


def test_output_past_the_limit_fails_fast_without_being_read(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_OUTPUT_LIMIT", "100000")
    start = time.monotonic()
    run = runner.run_script(script(tmp_path, "big.py", "print('x' * 50_000_000)\n"), tmp_path)
    assert time.monotonic() - start < 10 and not run.ok
    assert "wrote more than the output limit of 100000 bytes (SITE_OUTPUT_LIMIT)" in run.error
    assert len(run.stdout) <= 100000, "the runner read the whole output"


def test_output_is_counted_across_stdout_stderr_and_cells(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_OUTPUT_LIMIT", "100000")
    code = "import sys\n\nprint('x' * 60000)\nprint('y' * 60000, file=sys.stderr)\n"
    run = runner.run_script(script(tmp_path, "both.py", code), tmp_path)
    assert not run.ok
    assert "printed 120002 bytes, more than the output limit of 100000 bytes" in run.error
    cells = [(2, "print('x' * 60000)", 3), (4, "print('ok')", 5), (6, "print('y' * 60000)", 7)]
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path)
    assert not run.ok and run.failed_cell == 6, run.error
    assert "printed 120005 bytes, more than the output limit of 100000 bytes" in run.error


def test_output_that_is_not_utf8_fails(runner, tmp_path):
    code = "import sys\n\nsys.stdout.buffer.write(b'caf\\xe9\\n')\n"
    run = runner.run_script(script(tmp_path, "latin1.py", code), tmp_path)
    assert not run.ok
    assert "wrote output that is not UTF-8 (stdout, byte 3: b'\\xe9')" in run.error, run.error
    cells = [(2, "print('fine')", 3), (4, "import os\nos.write(2, b'\\xff')", 5)]
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path)
    assert not run.ok and run.failed_cell == 4
    assert "cell 4 wrote output that is not UTF-8 (stderr, byte 0: b'\\xff')" in run.error


# 2 GB in 64 MB steps: a runaway allocation stopped by a low limit (400 MB), yet bounded, so that
# without any limit it only takes 2 GB for a moment.
RUNAWAY = "import torch\n\nchunks = [torch.ones(2**26, dtype=torch.uint8) for _ in range(32)]\n"


def test_a_runaway_allocation_stops_at_the_memory_limit(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_MEMORY_LIMIT", "400")
    run = runner.run_script(script(tmp_path, "runaway.py", RUNAWAY), tmp_path)
    assert not run.ok and run.where["line"] == 3, run
    assert "ran out of the memory limit of 400 MB (SITE_MEMORY_LIMIT)" in run.where["exception"]
    cells = [(2, RUNAWAY, 3)]
    run = runner.run_notebook(tmp_path / "nb.py", cells, tmp_path)
    assert not run.ok and run.failed_cell == 2
    error = run.cells[-1]["outputs"][-1]
    assert "ran out of the memory limit of 400 MB (SITE_MEMORY_LIMIT)" in error["evalue"]


def test_every_job_has_the_kernel_limits_by_default(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_MEMORY_LIMIT", raising=False)
    monkeypatch.delenv("SITE_OUTPUT_LIMIT", raising=False)
    code = "import resource\n\nfor limit in (resource.RLIMIT_DATA, resource.RLIMIT_FSIZE):\n"
    code += "    print(resource.getrlimit(limit))\n"
    run = runner.run_script(script(tmp_path, "limits.py", code), tmp_path)
    data, size = runner_module.DEFAULT_MEMORY_LIMIT * 2**20, runner_module.DEFAULT_OUTPUT_LIMIT
    assert run.stdout == f"({data}, {data})\n({size}, {size})\n"


def test_sys_exit_is_a_success_and_a_non_zero_status_names_its_line(runner, tmp_path):
    """As for `python file.py`: sys.exit() succeeds, sys.exit(2) fails where it is called."""
    assert runner.run_script(script(tmp_path, "done.py", "import sys\n\nsys.exit()\n"), tmp_path).ok
    run = runner.run_script(script(tmp_path, "two.py", "import sys\n\nsys.exit(2)\n"), tmp_path)
    assert run.returncode == 2 and run.where == {"line": 3, "exception": "SystemExit: 2"}
