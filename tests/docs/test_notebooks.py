"""Every notebook runs alone, its page shows what a fresh run prints, its download the same."""

import json
from pathlib import Path

import jupytext
import nbformat
import pytest
from bs4 import BeautifulSoup

from lstm_site import paths
from lstm_site.claims import claim_fences
from lstm_site.examples import code_cells
from lstm_site.paths import ROOT, relative

NOTEBOOKS = sorted((ROOT / "docs").glob(paths.NOTEBOOKS))


def words(text: str) -> str:
    return " ".join(text.split())


def output_text(output) -> str:
    """What Jupyter shows of one output: a stream's text, or a result's plain text."""
    if output["output_type"] == "stream":
        return output["text"]
    return output.get("data", {}).get("text/plain", "")


def test_notebooks_are_collected():
    assert NOTEBOOKS, "no notebook found under docs/notebooks/"


def shown_outputs(built_site, notebook: Path) -> list[str]:
    page = built_site.site_dir / "notebooks" / notebook.stem / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [words(area.get_text()) for area in soup.select("div.jp-Cell-outputArea")]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_notebook_page_shows_what_a_fresh_run_prints(notebook: Path, built_site):
    """The tests' build ran every notebook afresh, cell by cell as Jupyter runs it, from an empty
    folder (tests/conftest.py): the page must show what that run printed, cell for cell."""
    executed = nbformat.read(built_site.executed_notebook(notebook), as_version=4)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert len(code) == len(code_cells(notebook, jupytext.read(notebook))), "not the same cells"
    fresh = [words(" ".join(output_text(o) for o in cell.outputs)) for cell in code]
    assert fresh == shown_outputs(built_site, notebook), (
        f"{relative(notebook)}: the page shows other outputs than a fresh run prints"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_notebook_page_shows_the_outputs_of_its_download(notebook: Path, built_site):
    page_dir = built_site.site_dir / "notebooks" / notebook.stem
    soup = BeautifulSoup((page_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("a[download]")]
    assert links == [f"{notebook.stem}.ipynb"], f"expected one download link, found {links}"

    downloaded = nbformat.read(page_dir / f"{notebook.stem}.ipynb", as_version=4)
    nbformat.validate(downloaded)
    source = jupytext.read(notebook)
    assert [c.cell_type for c in downloaded.cells] == [c.cell_type for c in source.cells]
    for got, written in zip(downloaded.cells, source.cells, strict=True):
        if got.cell_type == "code" or not claim_ids(written.source):
            assert got.source == written.source  # a cell with a claim: the next test

    code_cells = [cell for cell in downloaded.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code_cells), "a code cell was not executed"
    assert all(cell.outputs for cell in code_cells), (
        f"{relative(notebook)}: some code cell printed nothing"
    )
    shown = [words(area.get_text()) for area in soup.select("div.jp-Cell-outputArea")]
    downloaded_outputs = [
        words(" ".join(output_text(o) for o in cell.outputs)) for cell in code_cells
    ]
    assert shown == downloaded_outputs, (
        f"{relative(notebook)}: the page and its .ipynb show different outputs"
    )
    stderr = [o for cell in code_cells for o in cell.outputs if o.get("name") == "stderr"]
    assert not stderr, f"{relative(notebook)} writes to stderr: {stderr[0]['text']}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_the_table_of_contents_names_each_heading_as_the_page_does(notebook: Path, built_site):
    """mkdocs-jupyter's contents dropped a heading's code: "`h_n` and `c_n`" read " and "."""
    page = built_site.site_dir / "notebooks" / notebook.stem / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    toc = soup.select_one("nav.md-nav--secondary")
    entries = {a["href"].lstrip("#"): words(a.get_text()) for a in toc.select("a[href^='#']")}
    for heading in soup.select("article h2[id], article h3[id]"):
        text = words(heading.get_text()).strip()
        assert entries.get(heading["id"]) == text, (heading["id"], entries.get(heading["id"]))
    assert entries, "no table of contents"


def claim_ids(markdown: str) -> list[str]:
    return [claim_id for _, claim_id in claim_fences(markdown)]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_a_download_shows_each_claim_as_its_sentence_not_as_code(notebook: Path, built_site):
    """Jupyter would show a claim fence as a code block of an id: the download has the claim's
    sentence and its scope instead, linked to the published claims page, as the page does."""
    claims = json.loads((built_site.site_dir / "claims.json").read_text(encoding="utf-8"))
    sentences = {claim["id"]: claim["sentence"] for claim in claims["claims"]}
    urls = {claim["id"]: claim["url"] for claim in claims["claims"]}
    download = built_site.site_dir / "notebooks" / notebook.stem / f"{notebook.stem}.ipynb"
    cells = nbformat.read(download, as_version=4).cells
    shown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    assert not claim_ids(shown), f"{relative(notebook)}: a claim fence in the download"
    written = [c.source for c in jupytext.read(notebook).cells if c.cell_type == "markdown"]
    included = [claim_id for markdown in written for claim_id in claim_ids(markdown)]
    for claim_id in included:
        assert f"> **Claim:** {sentences[claim_id]}" in shown, claim_id
        link = f"[How this was checked]({built_site.site_url}{urls[claim_id]})"
        assert link in shown, f"{claim_id}: no {link}"
