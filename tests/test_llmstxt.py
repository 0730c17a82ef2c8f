"""/llms.txt (llmstxt.org) lists every page of the nav, each with a one-line description."""

import re

import jupytext

from lstm_site.claim_pages import nav_pages
from lstm_site.paths import NOTEBOOKS, ROOT, relative
from lstm_site.site_build import site_config

# A page of the nav in mkdocs.yml has a description; the claims pages the build generates (listed
# by a glob, lstm_site/claim_pages.py) their titles only.
LINK = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<url>[^)]+)\)(?:: (?P<description>.+))?$")


def nav_sources() -> list[str]:
    """Every source file in mkdocs.yml's nav, in order."""
    return [src_uri for _, src_uri in nav_pages(site_config()["nav"])]


def page_url(site_url: str, source: str) -> str:
    path = re.sub(r"(^|/)index$", "", source.rsplit(".", 1)[0])
    return f"{site_url}{path + '/' if path else ''}index.md"


def test_every_nav_page_is_listed_with_a_description(built_site):
    llms = (built_site.site_dir / "llms.txt").read_text(encoding="utf-8")
    assert llms.startswith("# LSTM Outputs Explained\n\n> ")
    links = [LINK.match(line) for line in llms.splitlines() if line.startswith("- [")]
    assert all(links), [line for line in llms.splitlines() if line.startswith("- [")]
    listed = {link["url"]: link for link in links}
    pages = nav_sources()
    assert len(pages) >= 20
    for source in pages:
        url = page_url(built_site.site_url, source)
        assert url in listed, f"{source} is in the nav but not in llms.txt ({url})"
        description = listed[url]["description"]
        assert 20 <= len(description) <= 140, (source, description)
        markdown = built_site.site_dir / url.removeprefix(built_site.site_url)
        assert markdown.is_file() and markdown.stat().st_size > 500, markdown
    generated = sorted(set(listed) - {page_url(built_site.site_url, source) for source in pages})
    claims_pages = sorted(built_site.site_dir.glob("claims/*/index.html"))
    assert len(claims_pages) >= 2
    assert generated == [
        f"{built_site.site_url}{path.parent.relative_to(built_site.site_dir).as_posix()}/index.md"
        for path in claims_pages
    ], "llms.txt lists a page that is neither in the nav nor a claims page"


def test_the_full_text_companion_holds_every_page(built_site):
    full = (built_site.site_dir / "llms-full.txt").read_text(encoding="utf-8")
    for source in nav_sources():
        url = page_url(built_site.site_url, source)
        first_line = (built_site.site_dir / url.removeprefix(built_site.site_url)).read_text()
        assert first_line.splitlines()[0] in full, source
    assert "Traceback (most recent call last)" not in full


def test_every_link_in_the_text_files_reaches_a_file_of_the_site(built_site):
    """A link into the site names a page's Markdown (`x/index.md`) or HTML (`x/`), which exists."""
    for name in ("llms.txt", "llms-full.txt"):
        text = (built_site.site_dir / name).read_text(encoding="utf-8")
        missing = set()
        for url in re.findall(rf"\]\(({re.escape(built_site.site_url)}[^)\s]*)\)", text):
            path = url.split("#")[0].removeprefix(built_site.site_url)
            target = built_site.site_dir / path
            if not path or path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                missing.add(url)
        assert not missing, f"{name} links to files the site does not have: {sorted(missing)}"


def test_the_full_text_holds_each_notebook_cell_once(built_site):
    """mkdocs-jupyter writes each cell's code twice (highlighted, and flat for its copy button)."""
    full = " ".join((built_site.site_dir / "llms-full.txt").read_text(encoding="utf-8").split())
    notebooks = sorted((ROOT / "docs").glob(NOTEBOOKS))
    assert notebooks
    for source in notebooks:
        cells = [cell for cell in jupytext.read(source).cells if cell.cell_type == "code"]
        for cell in cells:
            code = " ".join(cell.source.split())
            assert full.count(code) == 1, f"{relative(source)}: {full.count(code)}x: {code[:60]}"
