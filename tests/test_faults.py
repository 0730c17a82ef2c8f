"""Faults the site must catch: each one is made on purpose, in a copy of the project.

Each test names what it injects and what it expects. Builds here use SITE_TIME_LIMIT=5, so a
hang is caught in seconds rather than the default minute.
"""

import shutil

import pytest
from bs4 import BeautifulSoup

from tests.support.pages import mismatches
from tests.support.paths import ROOT
from tests.support.site_build import copy_project, floor_config, mkdocs_build

ANSWER = "snippets/index/001_the_answer.py"
NOTEBOOK = "docs/notebooks/sequence_tagging.py"
SHORT_LIMIT = {"SITE_TIME_LIMIT": "5"}
RAN_EXAMPLES = "Running the examples that changed"


def add_snippet(project, name: str, code: str) -> str:
    """A new snippet included at the end of the home page; returns its path."""
    path = f"snippets/index/{name}"
    (project / path).write_text(code)
    with (project / "docs" / "index.md").open("a") as page:
        page.write(f'\n```python exec="on" source="above" result="text"\n--8<-- "{path}"\n```\n')
    return path


def log_of(result) -> str:
    return result.stdout + result.stderr


def test_a_missing_include_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text().replace(ANSWER, "snippets/index/404_gone.py"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "snippets/index/404_gone.py does not exist" in log_of(result)


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
    """Injected: a hand edit of a built page's output. Expected: the snippet test's check fails."""
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
    """Injected: a snippet printing HTML. Expected: the page shows it as text, never runs it."""
    project = copy_project(tmp_path / "project")
    add_snippet(project, "002_prints_html.py", 'print("<script>alert(1)</script><b>bold</b>")\n')
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, log_of(result)

    html = (tmp_path / "site" / "index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "<b>bold</b>" not in html
    block = BeautifulSoup(html, "html.parser").select_one('div[data-snippet$="002_prints_html.py"]')
    assert block.find_all(recursive=False)[1].get_text().strip() == (
        "<script>alert(1)</script><b>bold</b>"
    )


def test_a_hanging_snippet_fails_the_build_naming_it(tmp_path):
    """Injected: `while True: time.sleep(1)`. Expected: the build stops at the limit, names it."""
    project = copy_project(tmp_path / "project")
    path = add_snippet(project, "002_hangs.py", "import time\n\nwhile True:\n    time.sleep(1)\n")
    result = mkdocs_build(project, tmp_path / "site", **SHORT_LIMIT)
    assert result.returncode != 0
    expected = f"{path}: the script ran longer than the time limit of 5 s (SITE_TIME_LIMIT)"
    assert expected in log_of(result), log_of(result)


def test_a_hanging_notebook_cell_fails_the_build_naming_the_cell(tmp_path):
    """Injected: a first cell `while True: pass`. Expected: the build names notebook and cell."""
    project = copy_project(tmp_path / "project")
    notebook = project / NOTEBOOK
    notebook.write_text("# %%\nwhile True:\n    pass\n\n" + notebook.read_text())
    result = mkdocs_build(project, tmp_path / "site", **SHORT_LIMIT)
    assert result.returncode != 0
    expected = f"{NOTEBOOK}, cell 1: cell 1 ran longer than the time limit of 5 s"
    assert expected in log_of(result), log_of(result)


def test_a_failing_notebook_cell_fails_the_build_and_keeps_the_cache(tmp_path):
    """Injected: a cell that raises. Expected: `notebook, cell N: Error` first; cache intact."""
    project = copy_project(tmp_path / "project")  # cached: only the edited notebook runs
    notebook = project / NOTEBOOK
    original = notebook.read_text()
    notebook.write_text(original + '\n# %%\nx = 1\nraise ValueError("deliberate")\n')
    cells = notebook.read_text().count("\n# %%") + notebook.read_text().startswith("# %%")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    first = log_of(result).split("WARNING", 1)[1].splitlines()[0]
    assert first.endswith(f"{NOTEBOOK}, cell {cells}: ValueError: deliberate"), log_of(result)
    assert f'File "{NOTEBOOK}", line {len(original.splitlines()) + 4}' in log_of(result)

    notebook.write_text(original)  # the fix: the last good outputs are still cached
    again = mkdocs_build(project, tmp_path / "site")
    assert again.returncode == 0, log_of(again)
    assert RAN_EXAMPLES not in log_of(again), "the failed run destroyed the cache entry"


def test_an_unseeded_snippet_is_caught_as_differing_from_a_fresh_run(tmp_path, run_script):
    """Injected: a snippet printing an unseeded random number. Expected: a fresh run differs."""
    project = copy_project(tmp_path / "project")
    code = "import random\n\nprint(random.randrange(10**9))\n"
    path = add_snippet(project, "002_unseeded.py", code)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, log_of(result)
    fresh = run_script(project / path, tmp_path)
    found = mismatches(tmp_path / "site", path, code, fresh.stdout)
    assert found == [f"{path} on index.html: the shown output differs from a fresh run"]


def test_a_snippet_that_needs_the_network_fails_clearly(tmp_path):
    """Injected: a snippet downloading a file. Expected: an immediate, named, offline failure."""
    project = copy_project(tmp_path / "project")
    code = "import urllib.request\n\nurllib.request.urlopen('https://example.com/data.csv')\n"
    path = add_snippet(project, "002_downloads.py", code)
    result = mkdocs_build(project, tmp_path / "site", **SHORT_LIMIT)
    assert result.returncode != 0
    assert f"{path}:3: urllib.error.URLError: <urlopen error examples run offline" in log_of(
        result
    ), log_of(result)


def test_a_floor_build_leaves_the_cache_to_the_next_build(tmp_path):
    """Injected: the benchmark's floor build between two builds. Expected: nothing re-runs."""
    project = copy_project(tmp_path / "project")
    first = mkdocs_build(project, tmp_path / "site")
    assert first.returncode == 0, log_of(first)
    floor = mkdocs_build(project, tmp_path / "floor", config=floor_config(project))
    assert floor.returncode == 0, log_of(floor)
    assert "Tested with torch" in (tmp_path / "floor" / "index.html").read_text()
    after = mkdocs_build(project, tmp_path / "site")
    assert after.returncode == 0, log_of(after)
    assert RAN_EXAMPLES not in log_of(after), "the floor build evicted the cache"


def executed_outputs(site_dir) -> dict[str, list[str]]:
    """Every output the build printed, page by page: snippet blocks and notebook cells."""
    outputs = {}
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        blocks = soup.select("div.executed-snippet, div.jp-Cell-outputArea")
        shown = [" ".join(block.get_text().split()) for block in blocks]
        if shown:
            outputs[str(page.relative_to(site_dir))] = shown
    return outputs


def test_two_clean_builds_print_the_same_outputs(built_site, tmp_path):
    project = copy_project(tmp_path / "project", with_cache=False)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, log_of(result)
    assert RAN_EXAMPLES in log_of(result)  # executed, not cached

    first, second = executed_outputs(built_site.site_dir), executed_outputs(tmp_path / "site")
    assert first.keys() == second.keys()
    for page in first:
        assert first[page] == second[page], f"{page}: outputs differ between two builds"
