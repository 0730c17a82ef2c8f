"""Run snippets as `python file.py` would, minus the second of `import torch` each time.

A runner process imports torch once, then forks a fresh child for every snippet: the child runs
the file as `__main__` in its own globals and its own folder, with its own stdout and stderr,
and exits with the script's status. Nothing a snippet does reaches the next one.
"""

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

RUNNER = r"""
import json, os, runpy, sys, tempfile, traceback
import torch  # imported once; no tensor work happens before the fork

for line in sys.stdin:
    path, cwd = json.loads(line)
    out, err = tempfile.mkstemp()[1], tempfile.mkstemp()[1]
    pid = os.fork()
    if pid == 0:
        code = 0
        with open(out, "w") as stdout, open(err, "w") as stderr:
            os.dup2(stdout.fileno(), 1)
            os.dup2(stderr.fileno(), 2)
            sys.stdout, sys.stderr = stdout, stderr
            os.chdir(cwd)
            sys.argv = [path]
            try:
                runpy.run_path(path, run_name="__main__")
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else 1
            except BaseException:
                traceback.print_exc()
                code = 1
            stdout.flush()
            stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    result = {"returncode": os.waitstatus_to_exitcode(status)}
    for name, file in (("stdout", out), ("stderr", err)):
        with open(file) as captured:
            result[name] = captured.read()
        os.remove(file)
    print(json.dumps(result), flush=True)
"""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def run_snippet():
    """`run_snippet(path, cwd)` -> Run, as if `python path` had been run in `cwd`."""
    runner = subprocess.Popen(
        [sys.executable, "-c", RUNNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )

    def run(path, cwd) -> Run:
        runner.stdin.write(json.dumps([str(path), str(cwd)]) + "\n")
        runner.stdin.flush()
        return Run(**json.loads(runner.stdout.readline()))

    yield run
    runner.stdin.close()
    runner.wait(timeout=30)
