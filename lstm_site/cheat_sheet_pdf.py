"""Print the cheat sheet to docs/assets/cheat-sheet.pdf with the Chromium the tests use.

    python -m lstm_site cheat-sheet-pdf [--site-dir DIR]

Builds the site strictly (or takes a built one), serves it on 127.0.0.1, prints cheat-sheet/ to
one A4 page, and writes next to the PDF a digest of the text it printed
(docs/assets/.cheat-sheet.pdf.sha256, a dotfile, so MkDocs does not publish it).
tests/browser/test_cheat_sheet.py fails when the page's text no longer matches that digest,
that is when the committed PDF is out of date. A separate step, not part of the build, so that
building the site never needs Chromium.
"""

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from lstm_site.paths import CHROMIUM, CHROMIUM_FLAGS, ROOT
from lstm_site.server import free_port, serving

PDF = ROOT / "docs" / "assets" / "cheat-sheet.pdf"
DIGEST = PDF.with_name(".cheat-sheet.pdf.sha256")
# What the print shows, as one string: the digest must not depend on the port or the scheme.
PRINTED_TEXT = "document.querySelector('article').innerText"


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF that Chromium wrote (its page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def text_digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def print_cheat_sheet(page, site_url: str) -> tuple[bytes, str]:
    """The cheat sheet printed to A4 as Chromium's Print would, and the text it shows."""
    page.emulate_media(media="print", color_scheme="light")
    page.goto(f"{site_url}cheat-sheet/", wait_until="load")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    return pdf, page.evaluate(PRINTED_TEXT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, help="a site already built with mkdocs")
    parser.add_argument("--port", type=int, default=0, help="the port that site was built for")
    args = parser.parse_args()
    port = args.port or free_port()
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(scratch) / "site"
            env = {
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "SITE_URL": f"http://127.0.0.1:{port}/",
            }
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
            subprocess.run([*command, str(site_dir)], cwd=ROOT, env=env, check=True)
        with serving(site_dir, port) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            pdf, text = print_cheat_sheet(browser.new_page(), url)
            browser.close()
    pages = pdf_pages(pdf)
    if pages != 1:
        print(f"error: the cheat sheet prints on {pages} A4 pages, not 1", file=sys.stderr)
        return 1
    PDF.write_bytes(pdf)
    DIGEST.write_text(text_digest(text) + "\n")
    print(f"wrote {PDF.relative_to(ROOT)} (1 A4 page, {len(pdf)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
