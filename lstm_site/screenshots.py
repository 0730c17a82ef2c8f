"""Screenshot pages as a reader sees them: 1280 px in light and a 390 px phone in dark, scrolled.

    python -m lstm_site screenshots [PAGE ...] [--site-dir DIR] [--out DIR]

PAGE is a path under the site ("/" or "" for home, "faq/", "error-decoder/?error=KeyError");
none means every page. Each page is shot one screen at a time from the top to the bottom, as
build/screenshots/<page>-<width>-<scheme>-<NN>.png, for a human to read before a change lands
(CONTRIBUTING.md). A page taller than MAX_SCREENS screens gets that many, spread evenly from the
top to the last screen. The tests check what a script can; this is for the rest.
"""

import argparse
import re
import sys
from pathlib import Path

from lstm_site.browser import chromium
from lstm_site.paths import ROOT
from lstm_site.server import free_port, serving
from lstm_site.site_build import built_for, site_pages

OUT = ROOT / "build" / "screenshots"
MAX_SCREENS = 16
VIEWS = [  # (width, height, scheme, phone)
    (1280, 900, "light", False),
    (390, 844, "dark", True),
]


def file_stem(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", path.strip("/")).strip("_") or "home"


def shoot(browser, url: str, path: str, out: Path) -> list[Path]:
    shots = []
    for width, height, scheme, phone in VIEWS:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,
            is_mobile=phone,
            has_touch=phone,
        )
        page = context.new_page()
        page.goto(url + path, wait_until="networkidle")
        bottom = page.evaluate("document.documentElement.scrollHeight") - height
        screens = min(MAX_SCREENS, 1 + max(0, -(-bottom // height)))
        for screen in range(screens):
            page.evaluate(f"scrollTo(0, {bottom * screen // max(1, screens - 1)})")
            page.wait_for_timeout(150)  # drawn: content-visibility blocks, the scroll spy
            shots.append(out / f"{file_stem(path)}-{width}-{scheme}-{screen + 1:02d}.png")
            page.screenshot(path=shots[-1])
        context.close()
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help="site paths: / (home), faq/ (default: all)")
    parser.add_argument("--site-dir", type=Path, help="a site already built with mkdocs")
    parser.add_argument("--port", type=int, default=0, help="the port that site was built for")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    port = args.port or free_port()
    args.out.mkdir(parents=True, exist_ok=True)
    with built_for(port, args.site_dir) as site_dir:
        pages = [page.lstrip("/") for page in args.pages] or site_pages(site_dir)  # "/" is home
        missing = [p for p in pages if not (site_dir / p.split("?")[0] / "index.html").is_file()]
        if missing:
            print(f"error: no such page in {site_dir}: {', '.join(missing)}", file=sys.stderr)
            return 2
        with serving(site_dir, port) as url, chromium() as browser:
            shots = [shot for path in pages for shot in shoot(browser, url, path, args.out)]
    print(f"wrote {len(shots)} screenshots of {len(pages)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
