"""Features in a real browser: search, copy, theme, navigation, downloads, phone, a11y."""

import nbformat
import pytest

from tests.support.paths import ROOT


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


def test_theme_toggle_switches_light_and_dark(watched_page, site_url):
    """And the colours snap: no transition runs (theme-fixes.js, for hooks/theme_css.py)."""
    page = watched_page.page
    page.goto(site_url, wait_until="load")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    fading = "document.getAnimations().filter((a) => a instanceof CSSTransition).length"
    assert page.evaluate(scheme) == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert (page.evaluate(scheme), page.evaluate(fading)) == ("slate", 0)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert (page.evaluate(scheme), page.evaluate(fading)) == ("default", 0)
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
