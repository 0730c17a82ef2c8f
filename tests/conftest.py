"""Shared fixtures: the project's paths and one strict build of the site per test run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project folder, with its log captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=MKDOCS_ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


class Build:
    def __init__(self, site_dir: Path, returncode: int, log: str) -> None:
        self.site_dir, self.returncode, self.log = site_dir, returncode, log

    def pages(self) -> list[Path]:
        return sorted(self.site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Build:
    """The site built once with `mkdocs build --strict`, shared by every xdist worker."""
    basetemp = tmp_path_factory.getbasetemp()
    # Under xdist each worker has its own basetemp inside this run's folder, which they share.
    shared = basetemp if worker_id == "master" else basetemp.parent
    site_dir, log_file, code_file = shared / "site", shared / "build.log", shared / "build.code"
    with FileLock(str(shared / "build.lock")):
        if not code_file.exists():
            result = mkdocs_build(ROOT, site_dir)
            log_file.write_text(result.stdout + result.stderr, encoding="utf-8")
            code_file.write_text(str(result.returncode), encoding="utf-8")
    build = Build(site_dir, int(code_file.read_text()), log_file.read_text(encoding="utf-8"))
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.log}"
    return build
