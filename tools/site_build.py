"""Copy the project and build it strictly: shared by the tests and `make bench`."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("docs", "snippets", "hooks", "overrides")  # what `mkdocs build` reads
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(destination: Path, with_cache: bool = True) -> Path:
    """A fresh copy of what the build reads; the notebook cache, by default, builds it fast."""
    shutil.rmtree(destination, ignore_errors=True)
    for name in [*BUILD_INPUTS, *[".cache"] * with_cache]:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, destination / name)
    shutil.copy(ROOT / "mkdocs.yml", destination)
    return destination


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project folder, with its log captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**MKDOCS_ENV, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
