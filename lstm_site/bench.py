"""`make bench`: build times against their limits, page weights, Lighthouse, the test suite.

Everything is measured in one run, side by side, in a copy of the project under build/bench/,
and written to build/bench.json. Targets are ratios, so a slower machine moves both sides:
- floor: the build with no code run (lstm_site/site_build.py's floor config) plus one
  `import torch`;
- limit: the floor plus the examples' own work (every snippet, notebook and claim run one after
  another in a warm interpreter, lstm_site/runner.py), spread over the cores;
- cold (empty cache) / limit <= 1.3, warm (nothing changed) / floor <= 1.1;
- every notebook page's HTML <= 1.5 x the median prose page's;
- `make serve` serves a saved prose edit in <= 3 s, a saved snippet edit (it runs) in <= 5 s;
- Lighthouse mobile performance >= 95 on every page, gzip-served, best of two; desktop 100.
Flags: --skip-lighthouse, --skip-tests (for a quick look).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jupytext

from lstm_site.claim_runs import CLAIMS
from lstm_site.examples import code_cells
from lstm_site.lighthouse import lighthouse_all, worst
from lstm_site.paths import NOTEBOOKS, ROOT, SNIPPETS
from lstm_site.runner import Runner
from lstm_site.server import wait_until_served
from lstm_site.site_build import (
    MAX_NOTEBOOK_OVER_MEDIAN,
    MKDOCS_ENV,
    SERVE,
    copy_project,
    floor_config,
    mkdocs_build,
    page_weights,
    site_pages,
)

WORK = ROOT / "build" / "bench"
PYTHON = sys.executable
CORES = os.cpu_count() or 1


def timed(run, *args, **kwargs) -> float:
    """Seconds `run(*args, **kwargs)` took; a failed run stops the benchmark with its log."""
    start = time.perf_counter()
    result = run(*args, **kwargs)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{result.args} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def examples_work(project: Path) -> dict[str, float]:
    """Seconds to run every snippet and notebook, and every claim on the whole grid, one after
    another in a warm interpreter."""
    with Runner(workers=1) as runner, tempfile.TemporaryDirectory() as empty:
        start = time.perf_counter()
        for snippet in sorted(project.glob(SNIPPETS)):
            runner.run_script(snippet, empty)
        for notebook in sorted((project / "docs").glob(NOTEBOOKS)):
            runner.run_notebook(notebook, code_cells(notebook, jupytext.read(notebook)), empty)
        examples = time.perf_counter() - start
        for claim in sorted(project.glob(CLAIMS)):
            runner.run_script(claim, empty)
        return {
            "snippets_and_notebooks": examples,
            "claims": time.perf_counter() - start - examples,
        }


def builds(project: Path) -> dict:
    cold = timed(mkdocs_build, project, WORK / "site")  # empty cache: every example runs
    warm = timed(mkdocs_build, project, WORK / "site")  # nothing changed
    floor_config_file = floor_config(project)
    no_execution = timed(mkdocs_build, project, WORK / "site-floor", config=floor_config_file)
    import_torch = timed(subprocess.run, [PYTHON, "-c", "import torch"], capture_output=True)
    floor = no_execution + import_torch
    work_parts = examples_work(project)
    work = sum(work_parts.values())
    limit = floor + work / CORES
    return {
        "cold_build_s": cold,
        "warm_build_s": warm,
        "floor_s": floor,
        "floor_parts_s": {"build_without_execution": no_execution, "import_torch": import_torch},
        "examples_work_s": work,
        "examples_work_parts_s": work_parts,
        "limit_s": limit,
        "cold_over_limit": cold / limit,
        "warm_over_floor": warm / floor,
    }


# Seconds from saving an edit to `mkdocs serve` serving the rebuilt page, at most.
SERVE_LIMITS = {"prose": 3.0, "snippet": 5.0}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def serve_edits(project: Path, port: int = 8123) -> dict[str, float]:
    """Seconds from saving an edit to `mkdocs serve` (as `make serve` runs it) serving the page
    that shows it: a line added to a page, and a line a snippet prints (the snippet runs)."""
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**MKDOCS_ENV, "SITE_URL": base, **SERVE},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    edits = {
        "prose": (project / "docs" / "faq.md", "faq/", "\n{marker}\n"),
        "snippet": (project / "snippets/index/001_the_answer.py", "", 'print("{marker}")\n'),
    }
    seconds = {}
    try:
        wait_until_served(base + "faq/", seconds=300, text="FAQ")
        for kind, (path, page, line) in edits.items():
            marker = f"bench-marker-{time.time_ns()}"
            append(path, line.format(marker=marker))
            start = time.perf_counter()
            wait_until_served(base + page, seconds=300, text=marker)
            seconds[kind] = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    return seconds


def lighthouse(site: Path) -> dict:
    results = lighthouse_all(site, site_pages(site), runs=2, report_dir=WORK / "lighthouse")
    return {"pages": results, "worst": worst(results)}


def test_suite() -> dict:
    """The README's test command, timed; a failing run is reported, not hidden."""
    start = time.perf_counter()
    result = subprocess.run(
        ["make", "test"], cwd=ROOT, env=MKDOCS_ENV, capture_output=True, text=True
    )
    return {"seconds": time.perf_counter() - start, "passed": result.returncode == 0}


def report(results: dict) -> None:
    b, w = results["builds"], results["page_weight"]
    rows = [
        ("cold build (empty cache)", f"{b['cold_build_s']:.1f} s", ""),
        ("warm rebuild (nothing changed)", f"{b['warm_build_s']:.1f} s", ""),
        ("floor (no code run + import torch)", f"{b['floor_s']:.1f} s", ""),
        ("examples' own work (one core)", f"{b['examples_work_s']:.1f} s", ""),
        ("  of which the claims", f"{b['examples_work_parts_s']['claims']:.1f} s", ""),
        (f"limit (floor + work / {CORES} cores)", f"{b['limit_s']:.1f} s", ""),
        ("cold / limit", f"{b['cold_over_limit']:.2f}", "<= 1.3"),
        ("warm / floor", f"{b['warm_over_floor']:.2f}", "<= 1.1"),
        ("median prose page HTML", f"{w['median_prose_html'] / 1024:.0f} KiB", ""),
        (
            f"worst notebook HTML / median ({w['worst_notebook']})",
            f"{w['worst_notebook_over_median_prose']:.2f}",
            f"<= {MAX_NOTEBOOK_OVER_MEDIAN}",
        ),
    ]
    for kind, limit in SERVE_LIMITS.items():
        served = f"{results['serve_edit_s'][kind]:.1f} s"
        rows.append((f"make serve: saved {kind} edit -> page served", served, f"<= {limit:g} s"))
    if "lighthouse" in results:
        for form, wanted in (("mobile", ">= 95"), ("desktop", "100")):
            scores = {p: s[form]["performance"] for p, s in results["lighthouse"]["pages"].items()}
            page = min(scores, key=scores.get)
            rows.append((f"lighthouse {form}, worst page ({page or 'home'})", scores[page], wanted))
    if "test_suite" in results:
        suite = results["test_suite"]
        outcome = "" if suite["passed"] else " (FAILED)"
        rows.append(("make test", f"{suite['seconds']:.0f} s{outcome}", "< 300 s"))
    width = max(len(row[0]) for row in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-tests", action="store_true")
    args = parser.parse_args()

    project = copy_project(WORK / "project", with_cache=False)  # so the first build is cold
    results = {"builds": builds(project), "serve_edit_s": serve_edits(project)}
    results["page_weight"] = page_weights(WORK / "site")
    if not args.skip_lighthouse:
        results["lighthouse"] = lighthouse(WORK / "site")
    if not args.skip_tests:
        results["test_suite"] = test_suite()
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.json").write_text(json.dumps(results, indent=2))
    report(results)
    print("\nwritten: build/bench.json")


if __name__ == "__main__":
    main()
