"""Guard: every Python fence in docs/ and README.md is run, either at build or by pytest.

The build runs `python exec="on"` fences (lstm_site/execution.py); pytest-codeblocks runs fences
whose info string is exactly `python`. Any other Python fence (`py`, `python title=...`) would be
silently skipped by both, so it fails here.
"""

import re
from pathlib import Path

import pytest

from lstm_site.executed_snippets import problem_with
from lstm_site.fences import find_fences
from lstm_site.paths import ROOT, relative

MARKDOWN_FILES = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    *sorted((ROOT / "docs").rglob("*.md")),
]
PYTHON_LANGUAGES = {"python", "python3", "py", "py3", "pycon", "ipython", "ipython3"}
SKIP_MARKER = re.compile(r"<!--\s*pytest(-codeblocks:skip|\.mark\.skip)")


def python_fences(path: Path):
    return [
        f for f in find_fences(path.read_text(encoding="utf-8")) if f.language in PYTHON_LANGUAGES
    ]


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=relative)
def test_every_python_fence_is_run(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for fence in python_fences(path):
        where = f"{relative(path)}:{fence.line}"
        if fence.executed:  # the build's own rules (lstm_site/executed_snippets.py), for every file
            problem = problem_with(fence, ROOT)
            assert problem is None, f"{where}: {problem}"
            continue
        assert fence.info == "python", (
            f'{where}: ```{fence.info} is neither executed at build (exec="on") nor collected '
            "by pytest-codeblocks (which needs exactly ```python)"
        )
        previous = "\n".join(lines[max(0, fence.line - 3) : fence.line - 1])
        assert not SKIP_MARKER.search(previous), f"{where}: a skipped block is an untested block"


def test_every_snippet_folder_is_a_page():
    pages = {
        relative(p).removeprefix("docs/").removesuffix(".md") for p in (ROOT / "docs").rglob("*.md")
    }
    for folder in sorted(p for p in (ROOT / "snippets").iterdir() if p.is_dir()):
        assert folder.name in pages, f"snippets/{folder.name}/ has no page docs/{folder.name}.md"
