"""Read, copy and build the project strictly, and list a built site's pages: for the tests and
the tools.

The floor build (`floor_config`) is everything a build does except running code: the same
config without lstm_site/execution.py, so executed blocks show their code only and notebooks
render without outputs. It never reads or writes the execution cache.
"""

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from lstm_site.paths import CLAIMS_PAGE, NOTEBOOKS, ROOT

BUILD_INPUTS = ("docs", "snippets", "claims", "hooks", "lstm_site", "overrides")  # the build reads
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EXECUTION_HOOK = "hooks/execution.py"
# Switches in mkdocs.yml: llms.txt and the link check, the two slowest steps of a build after
# the examples. `make serve` skips both, so does a test build that breaks something else;
# `make build` and the tests' session build run both.
NO_LLMSTXT = {"SITE_LLMSTXT": "false"}
PAGES_ONLY = {**NO_LLMSTXT, "SITE_LINK_CHECK": "false"}
# `make serve` also builds no search: Material's search plugin indexes every page again on each
# save, a large part of a rebuild. The preview then shows no search box; every other build has
# it. The Makefile sets these switches (tests/tools/test_makefile.py holds it to SERVE), and
# `make bench` serves with them.
SERVE = {**PAGES_ONLY, "SITE_SEARCH": "false"}


def copy_project(
    destination: Path,
    with_cache: bool = True,
    pages: Sequence[str] | None = None,
    source: Path = ROOT,
) -> Path:
    """A fresh copy of what the build reads from `source` (this checkout, or a copy); its
    execution cache, by default, builds it fast.

    `pages` (paths under docs/) keeps only those pages: a test that breaks one page builds a
    few instead of the whole site (see `keep_only`)."""
    shutil.rmtree(destination, ignore_errors=True)
    for name in [*BUILD_INPUTS, *[".cache"] * with_cache]:
        if (source / name).exists():
            shutil.copytree(source / name, destination / name, ignore=shutil.ignore_patterns(".*"))
    shutil.copy(source / "mkdocs.yml", destination)
    if pages is not None:
        keep_only(destination, pages)
    return destination


def keep_only(project: Path, pages: Sequence[str]) -> None:
    """Every page but `pages` (and the claims page) deleted. mkdocs.yml becomes mkdocs.full.yml,
    which a new mkdocs.yml inherits, with a nav of those pages and links to the deleted ones
    logged, not warned about. Every example and claim still runs (from the cache). For builds with
    PAGES_ONLY: llms.txt lists, and the link check reads, the whole site."""
    pages = [*pages, *[CLAIMS_PAGE] * (CLAIMS_PAGE not in pages)]  # every claim block links it
    docs = project / "docs"
    sources = [*docs.rglob("*.md"), *docs.glob(NOTEBOOKS)]
    unknown = set(pages) - {source.relative_to(docs).as_posix() for source in sources}
    if unknown:
        raise ValueError(f"no such page under docs/: {sorted(unknown)}")
    for source in sources:
        if source.relative_to(docs).as_posix() not in pages:
            source.unlink()
    (project / "mkdocs.yml").rename(project / "mkdocs.full.yml")
    nav = "".join(f"  - {page}\n" for page in pages)
    links = "validation:\n  links:\n    not_found: info\n    anchors: info\n"
    (project / "mkdocs.yml").write_text(f"INHERIT: mkdocs.full.yml\nnav:\n{nav}{links}")


def site_config(project: Path = ROOT) -> dict:
    """mkdocs.yml as MkDocs reads it (its own YAML loader: !ENV resolved, INHERIT followed),
    without loading its plugins. lstm_site/new_page.py edits the file with ruamel.yaml instead,
    which writes it back with its comments."""
    with (project / "mkdocs.yml").open("rb") as file:
        return yaml_load(file)


def floor_config(project: Path) -> Path:
    """mkdocs.floor.yml beside the project's mkdocs.yml: the same site, no code run."""
    hooks = site_config(project)["hooks"]
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


@contextlib.contextmanager
def built_for(port: int, site_dir: Path | None = None) -> Iterator[Path]:
    """`site_dir`, or else this checkout built strictly for 127.0.0.1:`port` (its absolute
    links point there) in a folder that lasts as long as the `with` block."""
    if site_dir is not None:
        yield site_dir
        return
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        built = mkdocs_build(ROOT, site, SITE_URL=f"http://127.0.0.1:{port}/", **PAGES_ONLY)
        if built.returncode:
            raise SystemExit(f"mkdocs build --strict failed:\n{built.stdout}{built.stderr}")
        yield site


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site, as its path under the site's URL ("" is the home page)."""
    pages = [
        str(index.parent.relative_to(site_dir)) + "/"
        for index in site_dir.rglob("index.html")
        if index.parent != site_dir
    ]
    return ["", *sorted(pages)]


MAX_NOTEBOOK_OVER_MEDIAN = 1.5  # a notebook page's HTML against the median prose page's


def page_weights(site: Path) -> dict:
    """HTML bytes of every page; each notebook page against the median prose page."""
    html = {
        page.parent.relative_to(site).as_posix(): page.stat().st_size
        for page in site.rglob("index.html")
    }
    notebooks = {page: size for page, size in html.items() if page.startswith("notebooks/")}
    prose = [size for page, size in html.items() if page not in notebooks and page != "."]
    median = statistics.median(prose)
    ratios = {page: size / median for page, size in notebooks.items()}
    worst = max(ratios, key=ratios.get)
    return {
        "median_prose_html": median,
        "notebook_html": notebooks,
        "notebook_over_median_prose": ratios,
        "worst_notebook": worst,
        "worst_notebook_over_median_prose": ratios[worst],
    }
