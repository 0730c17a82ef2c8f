"""The cheat sheet (docs/cheat-sheet.md) prints on exactly one A4 page, and its PDF is current.

No PDF library is installed: Chromium writes its page objects uncompressed, so the page count is
read from the PDF's own objects, and cross-checked with the page tree's /Count.
"""

import re

import pytest

from lstm_site.cheat_sheet_pdf import (
    DIGEST,
    PDF,
    PRINTED_TEXT,
    pdf_pages,
    print_cheat_sheet,
    text_digest,
)

A4_POINTS = (595, 842)  # 210 x 297 mm
HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-tabs"]


def page_count(pdf: bytes) -> int:
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    counts = {int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)}
    counts |= {int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)}
    assert counts == {pdf_pages(pdf)}, (counts, pdf_pages(pdf))
    return pdf_pages(pdf)


def media_boxes(pdf: bytes) -> set[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return {(round(float(w)), round(float(h))) for w, h in boxes}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_cheat_sheet_prints_on_one_a4_page(new_context, site_url, scheme):
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    pdf, _ = print_cheat_sheet(page, site_url)
    assert page_count(pdf) == 1
    assert media_boxes(pdf) == {A4_POINTS}
    # As printed: no navigation, header, footer or search, and light colours in either scheme.
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.is_hidden(), selector
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    text = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert re.fullmatch(r"rgba?\(0, 0, 0(, [\d.]+)?\)", text), text
    # Everything the sheet promises is on the printed page.
    printed = page.evaluate(PRINTED_TEXT)
    for heading in ["The three tensors", "Options", "Five common errors"]:
        assert heading in printed
    assert page.locator("article figure.diagram svg").is_visible()
    assert page.locator("article .executed-snippet > .highlight:first-child").first.is_hidden()
    context.close()


def test_the_committed_pdf_is_one_a4_page_of_the_current_sheet(new_context, site_url):
    pdf = PDF.read_bytes()
    assert page_count(pdf) == 1
    assert media_boxes(pdf) == {A4_POINTS}
    context = new_context()
    _, text = print_cheat_sheet(context.new_page(), site_url)
    context.close()
    assert DIGEST.read_text().strip() == text_digest(text), (
        "docs/assets/cheat-sheet.pdf no longer shows what the cheat sheet prints: "
        "run `make cheat-sheet-pdf` and commit the PDF and its digest"
    )


def test_the_page_offers_the_pdf(watched_page, site_url):
    page = watched_page.page
    page.goto(f"{site_url}cheat-sheet/", wait_until="load")
    link = page.locator("a[download][href$='assets/cheat-sheet.pdf']")
    assert link.count() == 1
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body() == PDF.read_bytes()
    home = page.goto(site_url, wait_until="load")
    assert home.ok and page.locator("article a[href$='cheat-sheet/']").count() >= 1
