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
import re
import sys
from pathlib import Path

from lstm_site.browser import chromium
from lstm_site.paths import ROOT
from lstm_site.server import free_port, serving
from lstm_site.site_build import built_for

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
    with built_for(port, args.site_dir) as site, serving(site, port) as url, chromium() as browser:
        pdf, text = print_cheat_sheet(browser.new_page(), url)
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
