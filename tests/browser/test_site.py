"""Features in a real browser: search, copy, theme, navigation, downloads, phone, a11y."""

import json
from collections.abc import Iterator
from urllib.parse import urlparse

import nbformat
import pytest
from playwright.sync_api import Page

from lstm_site.paths import ROOT
from tests.support.browser import (
    OTHER_SCHEME,
    PALETTE_TOGGLE,
    PageWatch,
    scheme_of,
    switch_scheme,
)


def search(page, text: str, pasted: bool = False) -> list[str]:
    """Type (or paste) into Material's search and return the result links. The search reads the
    box on a key release (or focus): typing releases one a character, a paste one (of Ctrl+V),
    imitated here by a press of End after filling the box."""
    box = page.locator("input.md-search__input")
    box.click()
    if pasted:
        box.fill(text)
        box.press("End")
    else:
        box.press_sequentially(text, delay=5)
    page.wait_for_selector("li.md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all("li.md-search-result__item > a", "as => as.map(a => a.href)")


@pytest.fixture
def searching_page(browser, site_url) -> Iterator[Page]:
    """A page whose search reads the site's real index (the other tests' is empty: conftest's
    `new_context`), with no console error by the end."""
    context = browser.new_context()
    watch = PageWatch(context.new_page(), urlparse(site_url).netloc)
    yield watch.page
    context.close()
    assert not watch.console_errors, watch.console_errors


def test_search_finds_the_page_for_a_term(searching_page, site_url):
    page = searching_page
    page.goto(site_url)
    results = search(page, "bidirectional")
    assert results and "/bidirectional/" in results[0], results


def test_search_finds_the_explanation_of_a_pasted_error(searching_page, site_url):
    page = searching_page
    page.goto(site_url)
    error = "input.size(-1) must be equal to input_size. Expected 10, got 7"
    results = search(page, error, pasted=True)
    assert any("/error-decoder/" in url for url in results[:3]), results


def test_copy_button_copies_exactly_the_snippet_file(new_context, site_url):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "output-vs-state/")
    snippet = "snippets/output-vs-state/002_last_step_is_top_layer.py"
    block = page.locator(f'div[data-snippet="{snippet}"] div.highlight').first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.strip() == (ROOT / snippet).read_text().strip()


COUNT_TRANSITIONS = (
    "window.__transitions = 0;"
    "addEventListener('transitionrun', () => { window.__transitions += 1; }, true);"
)
# The scheme of <body> each time the page has changed while it is parsed, from its header on: a
# frame can be drawn at any of these moments, before Material's deferred bundle runs.
SCHEMES_WHILE_PARSED = """
window.__parsed = [];
new MutationObserver(() => {
  if (document.readyState === "loading" && document.querySelector(".md-header")) {
    window.__parsed.push(document.body.dataset.mdColorScheme);
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_theme_toggle_switches_light_and_dark(watched_page, site_url):
    """And the colours snap: no transition runs (Material's palette rule while it switches)."""
    page = watched_page.page
    page.goto(site_url, wait_until="load")
    fading = "document.getAnimations().filter((a) => a instanceof CSSTransition).length"
    assert scheme_of(page) == "default"
    page.locator(PALETTE_TOGGLE).first.click()
    assert (scheme_of(page), page.evaluate(fading)) == ("slate", 0)
    page.locator(PALETTE_TOGGLE).first.click()
    assert (scheme_of(page), page.evaluate(fading)) == ("default", 0)
    assert not watched_page.console_errors, watched_page.console_errors


@pytest.mark.parametrize(("system", "drawn"), [("light", "default"), ("dark", "slate")])
def test_a_first_visit_opens_in_the_system_scheme_with_nothing_fading(
    new_context, site_url, system, drawn
):
    """With nothing stored, the page's HTML picks the palette before the header
    (overrides/main.html), so every part of the page is drawn in it while it is parsed, before
    Material's deferred bundle starts, and nothing fades: in a dark system the page was drawn
    light, then faded to dark, and a frame drawn mid-header under load faded the search box. A
    returning reader's stored choice opens with nothing fading either."""
    context = new_context(color_scheme=system)
    page = context.new_page()
    page.add_init_script(SCHEMES_WHILE_PARSED + COUNT_TRANSITIONS)
    first_visit = load_and_count_transitions(page, site_url + "output-vs-state/")
    while_parsed = set(page.evaluate("window.__parsed"))
    switch_scheme(page, OTHER_SCHEME[drawn])
    returning = load_and_count_transitions(page, site_url + "output-vs-state/")
    context.close()
    assert (while_parsed, first_visit, returning) == (
        {drawn},
        (drawn, 0),
        (OTHER_SCHEME[drawn], 0),
    )


def load_and_count_transitions(page, url: str) -> tuple[str, int]:
    """The scheme a page settles in, and how many CSS transitions ran while it loaded."""
    page.goto(url, wait_until="networkidle")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return scheme_of(page), page.evaluate("window.__transitions")


def test_an_old_link_to_a_claim_goes_on_to_its_claims_page(watched_page, site_url, built_site):
    """Links from before the claims had pages of their own pointed at claims/#<id>."""
    published = json.loads((built_site.site_dir / "claims.json").read_text(encoding="utf-8"))
    page = watched_page.page
    claim = published["claims"][-1]
    page.goto(f"{site_url}claims/#{claim['id']}")
    page.wait_for_url(f"{site_url}{claim['url']}")
    assert page.locator(f"h2#{claim['id']}").is_visible()
    page.goto(f"{site_url}claims/#grid")  # the index's own anchors stay
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}claims/#grid"
    assert not watched_page.console_errors, watched_page.console_errors


NOTEBOOKS = sorted(path.stem for path in (ROOT / "docs" / "notebooks").glob("*.py"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_download_is_a_valid_ipynb(new_context, site_url, tmp_path, notebook):
    context = new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{site_url}notebooks/{notebook}/")
    with page.expect_download() as download:
        page.locator("a[download]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    context.close()
    assert path.name == f"{notebook}.ipynb"
    nbformat.validate(nbformat.read(path, as_version=4))
