"""Shared fixtures: one strict build of the site per test run, and a script runner.

`run_script(path, cwd)` runs a file as `python path` would, minus the second of `import torch`
each time: a runner process imports torch once, then forks a fresh child for every script. The
child runs the file as `__main__` in its own globals and folder, with its own stdout and stderr,
and exits with the script's status. Nothing one script does reaches the next.
"""

import json
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from site_build import ROOT, mkdocs_build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Build:
    def __init__(self, site_dir: Path, returncode: int, log: str, site_url: str) -> None:
        self.site_dir, self.returncode, self.log = site_dir, returncode, log
        self.site_url = site_url  # where tests/browser serve it: instant navigation needs it

    def pages(self) -> list[Path]:
        return sorted(self.site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Build:
    """The site built once with `mkdocs build --strict`, shared by every xdist worker."""
    basetemp = tmp_path_factory.getbasetemp()
    # Under xdist each worker has its own basetemp inside this run's folder, which they share.
    shared = basetemp if worker_id == "master" else basetemp.parent
    site_dir, log_file, code_file = shared / "site", shared / "build.log", shared / "build.code"
    url_file = shared / "build.url"
    with FileLock(str(shared / "build.lock")):
        if not code_file.exists():
            url_file.write_text(f"http://127.0.0.1:{free_port()}/")
            result = mkdocs_build(ROOT, site_dir, SITE_URL=url_file.read_text())
            log_file.write_text(result.stdout + result.stderr, encoding="utf-8")
            code_file.write_text(str(result.returncode), encoding="utf-8")
    log = log_file.read_text(encoding="utf-8")
    build = Build(site_dir, int(code_file.read_text()), log, url_file.read_text())
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.log}"
    return build


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
def run_script():
    """`run_script(path, cwd)` -> Run, as if `python path` had been run in `cwd`."""
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
