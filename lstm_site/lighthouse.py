"""Lighthouse on every page of a built site, served gzip-compressed as static hosts serve it.

    lighthouse_all(site_dir, pages, runs=2) -> {page: {"mobile": scores, "desktop": scores}}
    worst(results) -> (page, form, performance) of the slowest page

Each page and form is run `runs` times and the best run is kept: other work on the same cores
only ever makes a run slower, so the best run is the closest to the page's own cost.
Run it as a script for a table: python -m lstm_site lighthouse SITE_DIR [PAGE ...] [--runs N]
[--forms mobile].
"""

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from lstm_site.browser import FLAGS
from lstm_site.paths import CHROMIUM, ROOT
from lstm_site.server import serving
from lstm_site.site_build import site_pages

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = "performance,accessibility,best-practices,seo"
FORMS = ("mobile", "desktop")
# Audits that say what a slow page spends its time on, kept with the scores of the best run.
DETAIL_AUDITS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "dom-size",
)


def run_lighthouse(url: str, form: str, report: Path | None = None) -> dict:
    """One Lighthouse run: category scores (0-100) and the detail audits' display values."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--chrome-flags={' '.join(FLAGS)}",
        f"--only-categories={CATEGORIES}",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} ({form}):\n{result.stderr[-2000:]}")
    if report:
        report.write_text(result.stdout)
    lhr = json.loads(result.stdout)
    scores = {key: round(100 * value["score"]) for key, value in lhr["categories"].items()}
    audits = lhr["audits"]
    scores["details"] = {
        name: audits[name].get("displayValue", "") for name in DETAIL_AUDITS if name in audits
    }
    return scores


def best_of(url: str, form: str, runs: int, report_dir: Path | None, name: str) -> dict:
    """The run with the best performance score; its JSON report is kept when asked."""
    best, best_report = None, None
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            report = Path(scratch) / f"{run}.json"
            scores = run_lighthouse(url, form, report)
            if best is None or scores["performance"] > best["performance"]:
                best, best_report = scores, report
        if report_dir:
            slug = name.strip("/").replace("/", "_") or "home"
            (report_dir / f"{slug}.{form}.json").write_text(best_report.read_text())
    return best


def lighthouse_all(
    site_dir: Path,
    pages: list[str],
    runs: int = 2,
    report_dir: Path | None = None,
    forms: tuple[str, ...] = FORMS,
) -> dict:
    """Scores of each page in each form (mobile, desktop), best of `runs`, served gzip on
    127.0.0.1."""
    if report_dir:
        report_dir.mkdir(parents=True, exist_ok=True)
    with serving(site_dir, compress=True) as base:
        return {
            page: {form: best_of(base + page, form, runs, report_dir, page) for form in forms}
            for page in pages
        }


def worst(results: dict) -> tuple[str, str, int]:
    """(page, form, performance) of the lowest performance score, mobile before desktop on ties."""
    rows = [
        (scores[form]["performance"], form != "mobile", page, form)
        for page, scores in results.items()
        for form in FORMS
        if form in scores
    ]
    performance, _, page, form = min(rows)
    return page, form, performance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("pages", nargs="*", help="paths such as error-decoder/; default: all")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--reports", type=Path, help="keep each best run's JSON report here")
    parser.add_argument("--forms", nargs="+", choices=FORMS, default=list(FORMS))
    args = parser.parse_args()
    pages = args.pages or site_pages(args.site_dir)
    results = lighthouse_all(args.site_dir, pages, args.runs, args.reports, tuple(args.forms))
    for page, forms in results.items():
        scores = "  ".join(f"{form} {forms[form]['performance']:>3}" for form in args.forms)
        details = forms[args.forms[0]]["details"]  # of the first form asked for
        print(
            f"{page or '/':<42} {scores}  TBT {details.get('total-blocking-time', '?'):>8}"
            f"  LCP {details.get('largest-contentful-paint', '?'):>6}"
            f"  DOM {details.get('dom-size', '?')}"
        )
    print("worst:", worst(results))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
