"""Faults the site must catch: each one is made on purpose, in a copy of the project.

Each test names what it injects and what it expects. Builds here use SITE_TIME_LIMIT=5, so a
hang is caught in seconds rather than the default minute.
"""

import json
import shutil

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

from lstm_site.paths import ROOT
from lstm_site.progress import RUNNING as RAN_EXAMPLES
from lstm_site.site_build import PAGES_ONLY, copy_project, floor_config, mkdocs_build
from tests.support.pages import mismatches
from tests.support.processes import BACKGROUND, survivors

ANSWER = "snippets/index/001_the_answer.py"
NOTEBOOK = "docs/notebooks/sequence_tagging.py"
# Each build here breaks one thing on purpose: the pages only (PAGES_ONLY).
SHORT_LIMIT = {"SITE_TIME_LIMIT": "5", **PAGES_ONLY}


def add_snippet(project, name: str, code: str) -> str:
    """A new snippet included at the end of the home page; returns its path."""
    path = f"snippets/index/{name}"
    (project / path).write_text(code)
    with (project / "docs" / "index.md").open("a") as page:
        page.write(f'\n```python exec="on" source="above" result="text"\n--8<-- "{path}"\n```\n')
    return path


def log_of(result) -> str:
    return result.stdout + result.stderr


def test_a_missing_include_fails_the_build(tmp_path, project_with):
    project = project_with("index.md")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text().replace(ANSWER, "snippets/index/404_gone.py"))
    result = mkdocs_build(project, tmp_path / "site", **PAGES_ONLY)
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


def warning_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING")]


# Faults that must fail the build, made together in one copy and one build (each a few seconds
# of build time saved): every one must still be named on its own warning line.
RAISES = 'raise ValueError("deliberate failure")'
FAILING_NOTEBOOK = "docs/notebooks/seq2seq.py"
NOTEBOOKS_BROKEN = (NOTEBOOK, FAILING_NOTEBOOK)
HANGING_CELL = "# %%\nwhile True:\n    pass\n\n"  # cell 1
FAILING_CELL = '# %%\nx = 1\nraise ValueError("deliberate")\n\n'  # cell 1, raising on line 3
MEMORY_LIMIT = "1024"  # MB, in the broken build: far above what its examples need
# Snippets added to the home page, each with one fault; `{pids}` is where one writes its child's.
ADDED = {
    "hangs": "import time\n\nwhile True:\n    time.sleep(1)\n",
    "downloads": "import urllib.request\n\nurllib.request.urlopen('https://example.com/data.csv')\n",
    "segfaults": "import ctypes\n\nctypes.string_at(0)\n",
    "starts_a_process": "import subprocess\n\n"
    f"sleep = {BACKGROUND.format(options='')}\n"
    "open({pids!r}, 'w').write(str(sleep.pid))\nprint('started')\n",
    "prints_50_mb": "print('x' * 50_000_000)\n",
    "prints_latin1": "import sys\n\nsys.stdout.buffer.write(b'caf\\xe9\\n')\n",
    # 2 GB in 64 MB steps, past the build's memory limit. `torch.empty` touches no page: the limit
    # (RLIMIT_DATA) refuses the mapping itself, so the step over it fails at once, well inside the
    # 5 s time limit however loaded the machine is; without a limit the pages are never used.
    "runs_away": "import torch\n\n"
    "chunks = [torch.empty(2**26, dtype=torch.uint8) for _ in range(32)]\n",
    "prints_html": 'print("<script>alert(1)</script><b>bold</b>")\n',
    "unseeded": "import random\n\nprint(random.randrange(10**9))\n",
}


@pytest.fixture(scope="session")
def broken(tmp_path_factory, worker_id, built_site):
    """One copy with every fault above, built once for every xdist worker (SITE_TIME_LIMIT=5).

    The faults come first in their notebooks, so the limit is never reached by real work."""
    basetemp = tmp_path_factory.getbasetemp()
    folder = (basetemp if worker_id == "master" else basetemp.parent) / "broken"
    project, site, log_file = folder / "project", folder / "site", folder / "build.log"
    pids = folder / "pids"
    with FileLock(str(folder) + ".lock"):
        if not log_file.exists():
            pages = [
                name.removeprefix("docs/") for name in ("docs/index.md", NOTEBOOK, FAILING_NOTEBOOK)
            ]
            copy_project(project, pages=pages, source=built_site.project)
            originals = {
                name: (project / name).read_text()
                for name in (ANSWER, "docs/index.md", NOTEBOOK, FAILING_NOTEBOOK)
            }
            (project / ANSWER).write_text(originals[ANSWER].rstrip("\n") + "\n" + RAISES + "\n")
            for number, (name, code) in enumerate(ADDED.items(), 2):
                add_snippet(project, f"{number:03}_{name}.py", code.format(pids=str(pids)))
            (project / NOTEBOOK).write_text(HANGING_CELL + originals[NOTEBOOK])
            (project / FAILING_NOTEBOOK).write_text(FAILING_CELL + originals[FAILING_NOTEBOOK])
            result = mkdocs_build(project, site, **SHORT_LIMIT, SITE_MEMORY_LIMIT=MEMORY_LIMIT)
            (folder / "originals.json").write_text(json.dumps(originals))
            log_file.write_text(f"{result.returncode}\n{log_of(result)}")
    code, log = log_file.read_text().split("\n", 1)
    return {
        "project": project,
        "site": site,
        "originals": json.loads((folder / "originals.json").read_text()),
        "returncode": int(code),
        "log": log,
        "pids": pids,
        **{name: f"snippets/index/{number:03}_{name}.py" for number, name in enumerate(ADDED, 2)},
        "answer_line": len((ROOT / ANSWER).read_text().splitlines()) + 1,
    }


def test_a_raising_snippet_fails_the_build_naming_its_file_and_line(broken):
    """Injected: a `raise` at the end of a snippet. Expected: `file:line: exception` first."""
    assert broken["returncode"] != 0
    expected = f"{ANSWER}:{broken['answer_line']}: ValueError: deliberate failure"
    assert any(line.endswith(expected) for line in warning_lines(broken["log"])), broken["log"]
    message = next(part for part in broken["log"].split("WARNING") if expected in part)
    assert f'File "{ANSWER}", line {broken["answer_line"]}' in message
    assert "runner.py" not in message, "the runner's own frames bury the error"


def test_a_hanging_snippet_fails_the_build_naming_it(broken):
    """Injected: `while True: time.sleep(1)`. Expected: the build stops at the limit, names it."""
    expected = (
        f"{broken['hangs']}: the script ran longer than the time limit of 5 s (SITE_TIME_LIMIT)"
    )
    assert any(expected in line for line in warning_lines(broken["log"])), broken["log"]


def test_a_snippet_that_needs_the_network_fails_clearly(broken):
    """Injected: a snippet downloading a file. Expected: an immediate, named, offline failure."""
    expected = (
        f"{broken['downloads']}:3: urllib.error.URLError: <urlopen error examples run offline"
    )
    assert any(expected in line for line in warning_lines(broken["log"])), broken["log"]


def test_a_hanging_notebook_cell_fails_the_build_naming_the_cell(broken):
    """Injected: a first cell `while True: pass`. Expected: the build names notebook and cell."""
    expected = f"{NOTEBOOK}, cell 1: cell 1 ran longer than the time limit of 5 s"
    assert any(expected in line for line in warning_lines(broken["log"])), broken["log"]


def test_a_failing_notebook_cell_names_the_notebook_cell_and_line(broken):
    """Injected: a cell that raises. Expected: `notebook, cell N: Error`, then its file and line."""
    expected = f"{FAILING_NOTEBOOK}, cell 1: ValueError: deliberate"
    assert any(line.endswith(expected) for line in warning_lines(broken["log"])), broken["log"]
    assert f'File "{FAILING_NOTEBOOK}", line 3' in broken["log"]


def test_a_crashing_snippet_fails_the_build_at_once_naming_its_signal(broken):
    """Injected: a segfault (`ctypes.string_at(0)`). Expected: `file:line:` and the signal, not
    a time-out (the runner no longer waits out the limit for a process already dead)."""
    expected = f"{broken['segfaults']}:3: the script was killed by signal SIGSEGV"
    lines = [line for line in warning_lines(broken["log"]) if broken["segfaults"] in line]
    assert any(expected in line for line in lines), broken["log"]
    assert not any("time limit" in line for line in lines)


def test_no_process_an_example_started_outlives_the_build(broken):
    """Injected: a snippet that starts `sleep 600` and exits. Expected: after the build, that
    process (by its id) no longer runs."""
    pid = int(broken["pids"].read_text())
    assert not survivors([pid]), f"sleep 600 (pid {pid}) outlived the build"


def test_a_50_mb_print_fails_the_build_naming_the_limit(broken):
    """Injected: `print('x' * 50_000_000)`. Expected: named, with the default output limit; no
    page carries it."""
    expected = (
        f"{broken['prints_50_mb']}: the script wrote more than the output limit of 1000000 bytes"
        " (SITE_OUTPUT_LIMIT)"
    )
    assert any(expected in line for line in warning_lines(broken["log"])), broken["log"]
    assert max(page.stat().st_size for page in broken["site"].rglob("*.html")) < 1_000_000


def test_output_that_is_not_utf8_fails_the_build_naming_it(broken):
    """Injected: a snippet writing Latin-1 bytes to stdout. Expected: named, not replaced."""
    expected = (
        f"{broken['prints_latin1']}: the script wrote output that is not UTF-8 (stdout, byte 3"
    )
    assert any(expected in line for line in warning_lines(broken["log"])), broken["log"]


def test_a_runaway_allocation_fails_the_build_naming_the_memory_limit(broken):
    """Injected: 2 GB allocated in 64 MB steps, with SITE_MEMORY_LIMIT=1024. Expected: stopped
    at its line, saying it ran out of the memory limit."""
    lines = [line for line in warning_lines(broken["log"]) if f"{broken['runs_away']}:3: " in line]
    expected = f"ran out of the memory limit of {MEMORY_LIMIT} MB (SITE_MEMORY_LIMIT)"
    assert any(expected in line for line in lines), broken["log"]


def test_no_page_shows_a_stale_output_of_a_failed_example(broken):
    """Expected: the failed snippet's block says it failed; the failed notebook shows no outputs."""
    home = BeautifulSoup((broken["site"] / "index.html").read_text(), "html.parser")
    block = home.select_one(f'div.executed-snippet.failed[data-snippet="{ANSWER}"]')
    assert block is not None and "failed when the site was built" in block.get_text()
    name = FAILING_NOTEBOOK.split("/")[-1].removesuffix(".py")
    notebook = (broken["site"] / "notebooks" / name / "index.html").read_text()
    assert "jp-Cell-outputArea" not in notebook


def test_fixing_the_faults_runs_nothing_the_cache_lost_nothing(broken, tmp_path):
    """The fix restores each file: their last good outputs are still cached, so nothing runs."""
    project = broken["project"]
    for name, text in broken["originals"].items():
        (project / name).write_text(text)
    for name in ADDED:
        (project / broken[name]).unlink()
    again = mkdocs_build(project, tmp_path / "site", **PAGES_ONLY)
    assert again.returncode == 0, log_of(again)
    assert RAN_EXAMPLES not in log_of(again), "a failed run destroyed a cache entry"


def test_printed_html_is_shown_as_text_and_another_runs_output_is_a_mismatch(
    broken, run_script, tmp_path
):
    """Injected: a snippet printing HTML, and one printing an unseeded random number.
    Expected: the HTML is shown as text, never run; compared with a second run, the unseeded
    block is named (support/pages.mismatches, which tests/snippets applies to the build's run)."""
    html = (broken["site"] / "index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "<b>bold</b>" not in html
    block = BeautifulSoup(html, "html.parser").select_one(
        f'div[data-snippet="{broken["prints_html"]}"]'
    )
    assert block.find_all(recursive=False)[1].get_text().strip() == (
        "<script>alert(1)</script><b>bold</b>"
    )

    path = broken["unseeded"]
    fresh = run_script(broken["project"] / path, tmp_path)
    found = mismatches(broken["site"], path, ADDED["unseeded"], fresh.stdout)
    assert found == [f"{path} on index.html: the shown output differs from a fresh run"]


def test_a_floor_build_leaves_the_cache_to_the_next_build(tmp_path, project_with):
    """Injected: the benchmark's floor build after a build. Expected: the next runs nothing, and
    renders each notebook from mkdocs-jupyter's cache (lstm_site/execution.py turns it on)."""
    project = project_with("index.md", NOTEBOOK.removeprefix("docs/"))
    floor = mkdocs_build(project, tmp_path / "floor", config=floor_config(project), **PAGES_ONLY)
    assert floor.returncode == 0, log_of(floor)
    assert "Tested with torch" in (tmp_path / "floor" / "index.html").read_text()
    assert "Cache hit" not in log_of(floor) and "Cache miss" not in log_of(floor), (
        "the floor build used mkdocs-jupyter's cache"
    )
    after = mkdocs_build(project, tmp_path / "site", **PAGES_ONLY)
    assert after.returncode == 0, log_of(after)
    assert RAN_EXAMPLES not in log_of(after), "the floor build evicted the cache"
    notebooks = len(list((project / "docs" / "notebooks").glob("*.py")))
    assert log_of(after).count("Cache hit:") == notebooks, "a notebook was converted again"
