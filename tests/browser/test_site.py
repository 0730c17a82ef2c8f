"""Features in a real browser: search, copy, theme, navigation, downloads, phone, a11y."""

from collections import Counter

import nbformat
import pytest

from lstm_site.paths import ROOT
from tests.support.browser import OTHER_SCHEME, PALETTE_TOGGLE, switch_scheme


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


def test_search_finds_the_page_for_a_term(watched_page, site_url):
    page = watched_page.page
    page.goto(site_url)
    results = search(page, "bidirectional")
    assert results and "/bidirectional/" in results[0], results


def test_search_finds_the_explanation_of_a_pasted_error(watched_page, site_url):
    page = watched_page.page
    page.goto(site_url)
    error = "input.size(-1) must be equal to input_size. Expected 10, got 7"
    results = search(page, error, pasted=True)
    assert any("/error-decoder/" in url for url in results[:3]), results


def test_copy_button_copies_exactly_the_snippet_file(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "output-vs-state/")
    snippet = "snippets/output-vs-state/002_last_step_is_top_layer.py"
    block = page.locator(f'div[data-snippet="{snippet}"] div.highlight').first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.strip() == (ROOT / snippet).read_text().strip()


# The palette's scheme, on <body> and on <html>, which follows it (overrides/main.html).
SCHEME = """(() => {
  const schemes = [document.body, document.documentElement].map((e) => e.dataset.mdColorScheme);
  const [body, html] = schemes;
  return body === html ? body : `body ${body}, html ${html}`;
})()"""
COUNT_TRANSITIONS = (
    "window.__transitions = 0;"
    "addEventListener('transitionrun', () => { window.__transitions += 1; }, true);"
)


def test_theme_toggle_switches_light_and_dark(watched_page, site_url):
    """And the colours snap: no transition runs (theme-fixes.js, for lstm_site/theme_edits.py)."""
    page = watched_page.page
    page.goto(site_url, wait_until="load")
    fading = "document.getAnimations().filter((a) => a instanceof CSSTransition).length"
    assert page.evaluate(SCHEME) == "default"
    page.locator(PALETTE_TOGGLE).first.click()
    assert (page.evaluate(SCHEME), page.evaluate(fading)) == ("slate", 0)
    page.locator(PALETTE_TOGGLE).first.click()
    assert (page.evaluate(SCHEME), page.evaluate(fading)) == ("default", 0)
    assert not watched_page.console_errors, watched_page.console_errors


@pytest.mark.parametrize(("system", "drawn"), [("light", "default"), ("dark", "slate")])
def test_a_first_visit_opens_in_the_system_scheme_with_nothing_fading(
    browser, site_url, system, drawn
):
    """With nothing stored, the page's HTML picks the palette (overrides/main.html), so the
    page is drawn in it before Material's deferred bundle starts, and the bundle changes no
    colour: in a dark system the page was drawn light, then faded to dark (CI once read a code
    block mid-fade). A returning reader's stored choice opens with nothing fading either."""
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    bundle = "**/assets/javascripts/bundle.*.min.js"
    page.route(bundle, lambda route: route.abort())
    page.goto(site_url, wait_until="load")
    without_material = page.evaluate(SCHEME)
    page.unroute(bundle)
    page.add_init_script(COUNT_TRANSITIONS)
    first_visit = load_and_count_transitions(page, site_url + "output-vs-state/")
    switch_scheme(page, OTHER_SCHEME[drawn])
    returning = load_and_count_transitions(page, site_url + "output-vs-state/")
    context.close()
    assert (without_material, first_visit, returning) == (
        drawn,
        (drawn, 0),
        (OTHER_SCHEME[drawn], 0),
    )


def load_and_count_transitions(page, url: str) -> tuple[str, int]:
    """The scheme a page settles in, and how many CSS transitions ran while it loaded."""
    page.goto(url, wait_until="networkidle")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page.evaluate(SCHEME), page.evaluate("window.__transitions")


# What restyles the whole page when it changes after the page is parsed, each a long task on a
# phone: the class of <html>, any link's href (Material's instant navigation makes relative links
# absolute) and a color-scheme meta.
LATE_RESTYLES = """
window.__late = [];
new MutationObserver((records) => {
  if (document.readyState === "loading") return;
  for (const record of records) {
    const { target, attributeName } = record;
    if (attributeName && (attributeName !== "class" || target === document.documentElement)) {
      window.__late.push(`${target.nodeName} ${attributeName}`);
    }
    for (const node of record.addedNodes) {
      if (node.nodeName === "META" && node.name === "color-scheme") window.__late.push("meta");
    }
  }
}).observe(document, {subtree: true, childList: true, attributeFilter: ["class", "href", "src"]});
"""


def test_material_starts_without_restyling_the_whole_page(watched_page, site_url):
    """overrides/main.html does these while the page is parsed, before anything is styled, and
    lstm_site/theme_edits.py keeps Material's bundle from doing them again once it starts."""
    page = watched_page.page
    page.add_init_script(LATE_RESTYLES)
    page.goto(site_url + "error-decoder/", wait_until="networkidle")
    late = Counter(page.evaluate("window.__late"))
    links = page.eval_on_selector_all(
        "[href]", "els => els.filter((el) => !/^[a-z]+:/.test(el.getAttribute('href'))).length"
    )
    assert (late, links) == (Counter(), 0)
    assert not watched_page.console_errors, watched_page.console_errors


def test_instant_navigation_keeps_the_page_alive(watched_page, site_url):
    page = watched_page.page
    page.goto(site_url, wait_until="networkidle")  # instant navigation starts after sitemap.xml
    page.evaluate("window.__notReloaded = true")
    page.locator("nav.md-nav--primary a[href$='output-vs-state/']").first.click()
    page.wait_for_url("**/output-vs-state/")
    page.wait_for_selector("h1:has-text('output')")
    assert page.evaluate("window.__notReloaded === true"), "the click reloaded the whole page"
    assert not watched_page.console_errors


NOTEBOOKS = sorted(path.stem for path in (ROOT / "docs" / "notebooks").glob("*.py"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_download_is_a_valid_ipynb(browser, site_url, tmp_path, notebook):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{site_url}notebooks/{notebook}/")
    with page.expect_download() as download:
        page.locator("a[download]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    context.close()
    assert path.name == f"{notebook}.ipynb"
    nbformat.validate(nbformat.read(path, as_version=4))
