"""Fixtures for every test: the site built once per run, and a script runner.

- `built_site`: `mkdocs build --strict` of the checkout, once per run, shared by xdist workers,
  from a copy with no execution cache: every example runs in that build, so what it printed is a
  fresh run, the one each page is compared with (tests/snippets, tests/docs/test_notebooks.py).
- `project`: a copy of the project with the cache that build filled, for a test that breaks
  something on purpose.
- `run_script(path, cwd)`: runs a file as `python path` would from `cwd`, through the build's
  own runner (lstm_site/runner.py): forked from a process that imported torch once, time-limited
  (SITE_TIME_LIMIT), offline.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from lstm_site.examples import notebook_entry, read_snippet_entry, snippet_entry
from lstm_site.execution import cache_folder
from lstm_site.outputs import SnippetRun
from lstm_site.paths import ROOT
from lstm_site.runner import Runner
from lstm_site.server import free_port
from lstm_site.site_build import copy_project, mkdocs_build, site_pages


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--reuse-cache",
        action="store_true",
        help="build from the checkout's execution cache (.cache), so that only the examples "
        "changed since run: a quick check while writing a page. `make test` and CI never pass it.",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need no built site first: while one xdist worker builds it (a minute from an
    empty cache, much of it on one core), another runs these instead of waiting for it."""
    items.sort(key=lambda item: "built_site" in getattr(item, "fixturenames", ()))


EVERY_EXAMPLE_RAN = ", 0 from the cache"  # lstm_site/progress.py's first line, of a cold build


@dataclass
class Build:
    site_dir: Path
    returncode: int
    log: str
    site_url: str  # where tests/browser serve it: its absolute links point there
    project: Path  # the copy it was built from, and its execution cache

    def snippet_run(self, snippet: Path) -> SnippetRun:
        """What this build's fresh run of a snippet (a file of the checkout) printed."""
        copy = self.project / snippet.relative_to(ROOT)
        return read_snippet_entry(snippet_entry(self.project, copy, cache_folder(self.project)))

    def executed_notebook(self, notebook: Path) -> Path:
        """The .ipynb this build's fresh run of a notebook (a file of the checkout) wrote."""
        copy = self.project / notebook.relative_to(ROOT)
        return notebook_entry(self.project, copy, cache_folder(self.project))

    def pages(self) -> list[Path]:
        return sorted(self.site_dir.rglob("*.html"))

    def page_urls(self) -> list[str]:
        """Each page's path under site_url: "" for the home page, "faq/", "notebooks/x/"."""
        return site_pages(self.site_dir)  # the pages Lighthouse and `make screenshots` open


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id, pytestconfig) -> Build:
    """The site built once with `mkdocs build --strict`, shared by every xdist worker."""
    reuse_cache = pytestconfig.getoption("reuse_cache")
    basetemp = tmp_path_factory.getbasetemp()
    # Under xdist each worker has its own basetemp inside this run's folder, which they share.
    shared = basetemp if worker_id == "master" else basetemp.parent
    site_dir, log_file, code_file = shared / "site", shared / "build.log", shared / "build.code"
    url_file, project = shared / "build.url", shared / "project"
    with FileLock(str(shared / "build.lock")):
        if not code_file.exists():
            url_file.write_text(f"http://127.0.0.1:{free_port()}/")
            copy_project(project, with_cache=reuse_cache)
            result = mkdocs_build(project, site_dir, SITE_URL=url_file.read_text())
            log_file.write_text(result.stdout + result.stderr, encoding="utf-8")
            code_file.write_text(str(result.returncode), encoding="utf-8")
    log = log_file.read_text(encoding="utf-8")
    build = Build(site_dir, int(code_file.read_text()), log, url_file.read_text(), project)
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.log}"
    if not reuse_cache:
        assert EVERY_EXAMPLE_RAN in build.log, "the tests' build must run every example itself"
    return build


@pytest.fixture
def project(tmp_path, built_site) -> Path:
    """A copy of the project to break on purpose, with the execution cache the session's build
    filled: its builds run only what a test changed."""
    return copy_project(tmp_path / "project", source=built_site.project)


@pytest.fixture
def project_with(tmp_path, built_site) -> Callable[..., Path]:
    """`project_with(*pages)`: a copy as `project`, with only those pages of docs/ (and the
    claims page): a build that breaks one page renders a few (site_build.keep_only)."""
    return lambda *pages: copy_project(tmp_path / "project", pages=pages, source=built_site.project)


@pytest.fixture(scope="session")
def script_runner():
    with Runner() as runner:
        yield runner


@pytest.fixture(scope="session")
def run_script(script_runner):
    """`run_script(path, cwd, limit=None)` -> runner.Run, as if `python path` ran in `cwd`."""
    return script_runner.run_script
