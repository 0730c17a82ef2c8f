"""The strict build: no warning, no traceback on a page, nothing loaded from another host, no
script that blocks a page from drawing."""

from urllib.parse import urlparse

from bs4 import BeautifulSoup

from lstm_site.site_build import MAX_NOTEBOOK_OVER_MEDIAN, page_weights
from tests.support.pages import soup_of

# What a browser fetches on its own when it loads a page (links are only followed on a click).
LOADED = "script[src], img[src], iframe[src], source[src], link[rel][href]"
NOT_FETCHED_LINKS = {"canonical", "alternate", "prev", "next"}


def test_strict_build_has_no_warning(built_site):
    warnings = [line for line in built_site.log.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)


def test_no_page_shows_a_traceback(built_site):
    pages = built_site.pages()
    assert len(pages) >= 3
    broken = [p.name for p in pages if "Traceback (most recent call last)" in p.read_text()]
    assert not broken, f"pages showing a traceback: {broken}"


def test_no_page_loads_from_another_host(built_site):
    for page in built_site.pages():
        for element in soup_of(page).select(LOADED):
            if set(element.get("rel", [])) & NOT_FETCHED_LINKS:
                continue
            url = element.get("src") or element.get("href")
            assert not urlparse(url).netloc, f"{page.relative_to(built_site.site_dir)} loads {url}"


def test_every_script_is_deferred(built_site):
    """overrides/main.html defers each script, Material's bundle first: pages draw before it."""
    found = []
    for page in built_site.pages():
        scripts = soup_of(page).select("script[src]")
        where = page.relative_to(built_site.site_dir)
        if not scripts or "/bundle." not in scripts[0]["src"]:
            found.append(f"{where}: Material's bundle is not its first script")
        found += [f"{where}: {s['src']} blocks drawing" for s in scripts if not s.has_attr("defer")]
    assert not found, "\n".join(found)


def test_footer_names_the_torch_that_ran_the_build(built_site):
    import torch

    home = (built_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert f"Tested with torch {torch.__version__}" in home


def test_site_has_sitemap_404_and_meta_tags(built_site):
    assert (built_site.site_dir / "sitemap.xml").is_file()
    assert "Page not found" in (built_site.site_dir / "404.html").read_text(encoding="utf-8")
    home = BeautifulSoup((built_site.site_dir / "index.html").read_text(), "html.parser")
    assert home.select_one('meta[name="description"]')["content"].startswith("What PyTorch")
    assert home.select_one('meta[property="og:title"]')["content"]
    assert home.select_one('link[rel="icon"]')["href"].endswith("favicon.svg")


def test_no_notebook_page_outweighs_the_median_prose_page_by_half(built_site):
    """mkdocs-jupyter's template wraps every cell several times over: notebook_pages.py unwraps
    what it can, and this holds the result to site_build.MAX_NOTEBOOK_OVER_MEDIAN."""
    weights = page_weights(built_site.site_dir)
    ratios = {page: round(r, 2) for page, r in weights["notebook_over_median_prose"].items()}
    assert len(ratios) >= 5, ratios
    assert max(ratios.values()) <= MAX_NOTEBOOK_OVER_MEDIAN, (weights["median_prose_html"], ratios)
