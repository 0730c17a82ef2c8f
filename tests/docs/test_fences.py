"""Guard: every Python fence in docs/ and README.md is run, either at build or by pytest.

markdown-exec runs `python exec="on"` fences while the site builds; pytest-codeblocks runs fences
whose info string is exactly `python`. Any other Python fence (`py`, `python title=...`) would be
silently skipped by both, so it fails here.
"""

import re
from pathlib import Path

import pytest

from fences import find_fences
from site_build import ROOT

MARKDOWN_FILES = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    *sorted((ROOT / "docs").rglob("*.md")),
]
PYTHON_LANGUAGES = {"python", "python3", "py", "py3", "pycon", "ipython", "ipython3"}
SKIP_MARKER = re.compile(r"<!--\s*pytest(-codeblocks:skip|\.mark\.skip)")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def python_fences(path: Path):
    return [
        f for f in find_fences(path.read_text(encoding="utf-8")) if f.language in PYTHON_LANGUAGES
    ]


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=relative)
def test_every_python_fence_is_run(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for fence in python_fences(path):
        where = f"{relative(path)}:{fence.line}"
        if fence.executed:
            assert "session" not in fence.attributes, f"{where}: session= leaks state across pages"
            assert fence.include, f'{where}: an executed block holds one --8<-- "snippets/..." line'
            continue
        assert fence.info == "python", (
            f'{where}: ```{fence.info} is neither executed at build (exec="on") nor collected '
            "by pytest-codeblocks (which needs exactly ```python)"
        )
        previous = "\n".join(lines[max(0, fence.line - 3) : fence.line - 1])
        assert not SKIP_MARKER.search(previous), f"{where}: a skipped block is an untested block"


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=relative)
def test_no_hidden_lines(path: Path):
    text = path.read_text(encoding="utf-8")
    assert "markdown-exec: hide" not in text, f"{relative(path)}: the reader must see all the code"


def test_snippets_hide_nothing():
    hiding = [
        relative(p) for p in ROOT.glob("snippets/**/*.py") if "markdown-exec: hide" in p.read_text()
    ]
    assert not hiding, f"these snippets hide lines from the reader: {hiding}"


def test_every_snippet_folder_is_a_page():
    pages = {
        relative(p).removeprefix("docs/").removesuffix(".md") for p in (ROOT / "docs").rglob("*.md")
    }
    for folder in sorted(p for p in (ROOT / "snippets").iterdir() if p.is_dir()):
        assert folder.name in pages, f"snippets/{folder.name}/ has no page docs/{folder.name}.md"
