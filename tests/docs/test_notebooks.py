"""Every notebook runs alone as a script, builds with its outputs, and downloads as .ipynb."""

import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from bs4 import BeautifulSoup

from site_build import ROOT

NOTEBOOKS = sorted((ROOT / "docs" / "notebooks").glob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_notebooks_are_collected():
    assert NOTEBOOKS, "no notebook found under docs/notebooks/"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_notebook_runs_alone(notebook: Path, tmp_path):
    result = subprocess.run(
        [sys.executable, str(notebook)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{relative(notebook)} failed:\n{result.stderr}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_notebook_page_is_executed_and_downloadable(notebook: Path, built_site):
    page_dir = built_site.site_dir / "notebooks" / notebook.stem
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    code_cells = [c for c in jupytext.read(notebook).cells if c.cell_type == "code"]
    soup = BeautifulSoup(html, "html.parser")
    output_areas = soup.select("div.jp-Cell-outputArea")
    assert len(output_areas) == len(code_cells), (
        f"{relative(notebook)}: some code cell printed nothing, or was not executed"
    )
    stderr = soup.select('[data-mime-type="application/vnd.jupyter.stderr"]')
    assert not stderr, f"{relative(notebook)} writes to stderr: {stderr[0].get_text()}"
    links = [a["href"] for a in soup.select("a[download]")]
    assert links == [f"{notebook.stem}.ipynb"], f"expected one download link, found {links}"

    downloaded = nbformat.read(page_dir / f"{notebook.stem}.ipynb", as_version=4)
    nbformat.validate(downloaded)
    assert [c.source for c in downloaded.cells] == [c.source for c in jupytext.read(notebook).cells]
