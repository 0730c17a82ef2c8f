"""Faults the site must catch: each one is made on purpose and must be caught."""

import shutil

import pytest
from bs4 import BeautifulSoup

from site_build import ROOT, copy_project, mkdocs_build
from tests.snippets.test_snippets import mismatches

ANSWER = "snippets/index/001_the_answer.py"


def add_snippet(project, name: str, code: str) -> str:
    """A new snippet included at the end of the home page; returns its path."""
    path = f"snippets/index/{name}"
    (project / path).write_text(code)
    with (project / "docs" / "index.md").open("a") as page:
        page.write(f'\n```python exec="on" source="above" result="text"\n--8<-- "{path}"\n```\n')
    return path


def test_a_missing_include_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text().replace(ANSWER, "snippets/index/404_gone.py"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "snippets/index/404_gone.py does not exist" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def answer_run(tmp_path_factory, run_script):
    return run_script(ROOT / ANSWER, tmp_path_factory.mktemp("run")).stdout


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda text: text.replace("True", "False"), "shown output differs"),
        (lambda text: text + "a line typed by hand\n", "shown output differs"),
    ],
    ids=["edited", "added-line"],
)
def test_an_output_edited_after_the_build_is_caught(
    built_site, tmp_path, answer_run, edit, problem
):
    """A hand edit, or a page served stale from a cache, differs from a fresh run."""
    site = tmp_path / "site"
    shutil.copytree(built_site.site_dir, site)
    home = site / "index.html"
    soup = BeautifulSoup(home.read_text(), "html.parser")
    block = soup.select_one(f'div[data-snippet="{ANSWER}"]')
    output = block.find_all(recursive=False)[1].find("code")
    output.string = edit(output.get_text())
    home.write_text(str(soup))

    source = (ROOT / ANSWER).read_text()
    assert not mismatches(built_site.site_dir, ANSWER, source, answer_run)  # the real site is fine
    found = mismatches(site, ANSWER, source, answer_run)
    assert any(problem in line for line in found), found


def test_printed_html_is_shown_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    add_snippet(project, "002_prints_html.py", 'print("<script>alert(1)</script><b>bold</b>")\n')
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    html = (tmp_path / "site" / "index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "<b>bold</b>" not in html
    block = BeautifulSoup(html, "html.parser").select_one('div[data-snippet$="002_prints_html.py"]')
    assert block.find_all(recursive=False)[1].get_text().strip() == (
        "<script>alert(1)</script><b>bold</b>"
    )


def executed_outputs(site_dir) -> dict[str, list[str]]:
    """Every output the build printed, page by page: snippet blocks and notebook cells."""
    outputs = {}
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # Whitespace aside: Jupyter may split one cell's stdout into several output blocks.
        blocks = soup.select("div.executed-snippet, div.jp-Cell-outputArea")
        shown = [" ".join(block.get_text().split()) for block in blocks]
        if shown:
            outputs[str(page.relative_to(site_dir))] = shown
    return outputs


def test_two_clean_builds_print_the_same_outputs(built_site, tmp_path):
    project = copy_project(tmp_path / "project", with_cache=False)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "notebooks in parallel" in result.stdout + result.stderr  # executed, not cached

    first, second = executed_outputs(built_site.site_dir), executed_outputs(tmp_path / "site")
    assert first.keys() == second.keys()
    for page in first:
        assert first[page] == second[page], f"{page}: outputs differ between two builds"


def test_a_failing_notebook_cell_fails_the_build_naming_the_notebook(tmp_path):
    project = copy_project(tmp_path / "project")  # cached: only the edited notebook runs
    notebook = project / "docs" / "notebooks" / "sequence_tagging.py"
    notebook.write_text(notebook.read_text() + '\n# %%\nraise ValueError("deliberate")\n')
    result = mkdocs_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "sequence_tagging.py" in log and "ValueError" in log and "deliberate" in log, log
