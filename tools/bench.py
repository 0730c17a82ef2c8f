"""`make bench`: build times, page weights, Lighthouse scores and the test suite's duration.

Everything is measured in one run, side by side, in a copy of the project under build/bench/,
and written to build/bench.json. Targets are ratios, so a slower machine moves both sides.
Flags: --skip-lighthouse, --skip-tests (for a quick look).
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from site_build import MKDOCS_ENV as ENV
from site_build import ROOT, copy_project, mkdocs_build

WORK = ROOT / "build" / "bench"
PYTHON = sys.executable
PROSE_PAGE, NOTEBOOK_PAGE = "output-vs-state/", "notebooks/sequence_classification/"
LIGHTHOUSE_PAGES = {"home": "", "core": PROSE_PAGE, "explorer": "explorer/"}


def timed(run, *args, **kwargs) -> float:
    """Seconds `run(*args, **kwargs)` took; a failed run stops the benchmark with its log."""
    start = time.perf_counter()
    result = run(*args, **kwargs)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{result.args} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def build(project: Path, site: Path, **env: str) -> float:
    return timed(mkdocs_build, project, site, **env)


def builds(project: Path) -> dict:
    cold = build(project, WORK / "site")  # every snippet and notebook executed
    warm = build(project, WORK / "site")  # nothing changed
    no_execution = build(project, WORK / "site-floor", SITE_EXECUTE="false")
    import_torch = timed(subprocess.run, [PYTHON, "-c", "import torch"], capture_output=True)
    floor = no_execution + import_torch
    return {
        "cold_build_s": cold,
        "warm_build_s": warm,
        "floor_s": floor,
        "floor_parts_s": {"build_without_execution": no_execution, "import_torch": import_torch},
        "cold_over_floor": cold / floor,
        "warm_over_floor": warm / floor,
    }


def serve_edit_to_page(project: Path, port: int = 8123) -> float:
    """Seconds from saving a prose edit to `mkdocs serve` serving the rebuilt page."""
    url = f"http://127.0.0.1:{port}/faq/"
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url, "FAQ", timeout=300)
        marker = f"bench-marker-{time.time_ns()}"
        page = project / "docs" / "faq.md"
        page.write_text(page.read_text() + f"\n{marker}\n")
        start = time.perf_counter()
        wait_for(url, marker, timeout=300)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode():
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


def page_weight(site: Path, page: str) -> dict:
    """Bytes of the page's HTML and of the CSS and JS files it loads."""
    html_path = site / page / "index.html"
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    assets = [link["href"] for link in soup.select('link[rel="stylesheet"][href]')]
    assets += [script["src"] for script in soup.select("script[src]")]
    base = f"http://site/{page}"
    files = {urljoin(base, asset).removeprefix("http://site/") for asset in assets}
    asset_bytes = sum((site / name).stat().st_size for name in files if (site / name).is_file())
    html_bytes = html_path.stat().st_size
    return {"html": html_bytes, "css_js": asset_bytes, "total": html_bytes + asset_bytes}


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed, as GitHub Pages and every static host do."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg")

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in self.TEXT and path.is_file()):
            return super().do_GET()
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def lighthouse(site: Path, port: int = 8124) -> dict:
    handler = partial(GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    scores = {}
    try:
        for name, page in LIGHTHOUSE_PAGES.items():
            for form in ("mobile", "desktop"):
                url = f"http://127.0.0.1:{port}/{page}"
                scores[f"{name}/{form}"] = lighthouse_scores(url, form)
    finally:
        server.shutdown()
    return scores


def lighthouse_scores(url: str, form: str) -> dict:
    command = [
        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--only-categories=performance,accessibility,best-practices,seo",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    categories = json.loads(result.stdout)["categories"]
    return {key: round(100 * value["score"]) for key, value in categories.items()}


def test_suite() -> dict:
    """The README's test command, timed; a failing run is reported, not hidden."""
    start = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=ROOT, env=ENV, capture_output=True, text=True)
    return {"seconds": time.perf_counter() - start, "passed": result.returncode == 0}


def report(results: dict) -> None:
    b, w = results["builds"], results["page_weight"]
    rows = [
        ("cold build (every example executed)", f"{b['cold_build_s']:.1f} s", ""),
        ("warm rebuild (nothing changed)", f"{b['warm_build_s']:.1f} s", ""),
        ("floor (no execution + import torch)", f"{b['floor_s']:.1f} s", ""),
        ("cold / floor", f"{b['cold_over_floor']:.2f}", "<= 1.3"),
        ("warm / floor", f"{b['warm_over_floor']:.2f}", "<= 1.1"),
        ("saved prose edit -> page served", f"{results['serve_edit_s']:.1f} s", ""),
        ("prose page weight", f"{w['prose']['total'] / 1024:.0f} KiB", ""),
        ("notebook page weight", f"{w['notebook']['total'] / 1024:.0f} KiB", ""),
        ("notebook / prose", f"{w['notebook_over_prose']:.2f}", "<= 2"),
    ]
    for page, scores in results.get("lighthouse", {}).items():
        wanted = "perf >= 95, rest 100" if page.endswith("mobile") else "all 100"
        rows.append((f"lighthouse {page}", " ".join(f"{v}" for v in scores.values()), wanted))
    if "test_suite" in results:
        suite = results["test_suite"]
        outcome = "" if suite["passed"] else " (FAILED)"
        rows.append(("make test", f"{suite['seconds']:.0f} s{outcome}", "< 180 s"))
    width = max(len(row[0]) for row in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-tests", action="store_true")
    args = parser.parse_args()

    project = copy_project(WORK / "project", with_cache=False)  # so the first build is cold
    results = {"builds": builds(project), "serve_edit_s": serve_edit_to_page(project)}
    prose = page_weight(WORK / "site", PROSE_PAGE)
    notebook = page_weight(WORK / "site", NOTEBOOK_PAGE)
    results["page_weight"] = {
        "prose": prose,
        "notebook": notebook,
        "notebook_over_prose": notebook["total"] / prose["total"],
    }
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
