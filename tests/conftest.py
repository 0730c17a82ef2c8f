"""Shared fixtures: one strict build of the site per test run."""

import socket
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
