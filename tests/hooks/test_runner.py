"""The runner the build and the tests share: alone, time-limited, offline, faithful tracebacks."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from lstm_site.runner import Runner


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
