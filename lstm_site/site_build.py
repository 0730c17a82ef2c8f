"""Copy the project and build it strictly: for the tests and `make bench`.

The floor build (`floor_config`) is everything a build does except running code: the same
config without lstm_site/execution.py, so executed blocks show their code only and notebooks
render without outputs. It never reads or writes the execution cache.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from lstm_site.paths import ROOT

BUILD_INPUTS = ("docs", "snippets", "claims", "hooks", "lstm_site", "overrides")  # the build reads
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EXECUTION_HOOK = "hooks/execution.py"
# Switches in mkdocs.yml: llms.txt (~5 s a build; `make serve` skips it too) and the link check
# (~4 s). A test build that breaks something else needs neither: the session's build runs both.
NO_LLMSTXT = {"SITE_LLMSTXT": "false"}
PAGES_ONLY = {**NO_LLMSTXT, "SITE_LINK_CHECK": "false"}


def copy_project(destination: Path, with_cache: bool = True) -> Path:
    """A fresh copy of what the build reads; the execution cache, by default, builds it fast."""
    shutil.rmtree(destination, ignore_errors=True)
    for name in [*BUILD_INPUTS, *[".cache"] * with_cache]:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns(".*"))
    shutil.copy(ROOT / "mkdocs.yml", destination)
    return destination


def floor_config(project: Path) -> Path:
    """mkdocs.floor.yml beside the project's mkdocs.yml: the same site, no code run."""
    hooks, in_hooks = [], False
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("hooks:"):
            in_hooks = True
        elif in_hooks and line.startswith("  - "):
            hooks.append(line.removeprefix("  - ").strip())
        elif in_hooks and line.strip() and not line.startswith("#"):
            in_hooks = False
    if EXECUTION_HOOK not in hooks:
        raise RuntimeError(f"mkdocs.yml lists no {EXECUTION_HOOK}: update floor_config")
    kept = [hook for hook in hooks if hook != EXECUTION_HOOK]
    floor = project / "mkdocs.floor.yml"
    floor.write_text("INHERIT: mkdocs.yml\nhooks:\n" + "".join(f"  - {h}\n" for h in kept))
    return floor


def mkdocs_build(
    project: Path, site_dir: Path, config: Path | None = None, **env: str
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project folder, with its log captured."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(
        command,
        cwd=project,
        env={**MKDOCS_ENV, **env},
        capture_output=True,
        text=True,
        timeout=900,
    )
