"""Read what the built pages show of each snippet: the code and the output under it."""

import functools
from pathlib import Path

from bs4 import BeautifulSoup
from markdown import markdown

from lstm_site.claim_pages import ClaimPage, claim_pages, nav_pages
from lstm_site.claims import claim_blocks, claim_files, stated_on
from lstm_site.paths import NOTEBOOKS, ROOT
from lstm_site.site_build import site_config


def page_urls_of_sources(docs: Path = ROOT / "docs") -> list[str]:
    """Each page's path under the site's URL, from its source, as site_build.site_pages lists
    the built ones: the browser tests are collected per page before the site is built. The
    claims pages the build generates come from the claim fences of the sources."""
    sources = [*docs.rglob("*.md"), *docs.glob(NOTEBOOKS)]
    pages = [source.relative_to(docs).with_suffix("").as_posix() for source in sources]
    pages += [claim_page.src_uri.removesuffix(".md") for claim_page in claims_pages(docs)]
    urls = [page.removesuffix("index").removesuffix("/") for page in pages]
    return ["", *sorted(url + "/" for url in urls if url)]


def claims_pages(docs: Path) -> list[ClaimPage]:
    """The claims pages lstm_site/claims.py's on_files makes of these sources."""
    sources = [*docs.rglob("*.md"), *docs.glob(NOTEBOOKS)]
    blocks = claim_blocks(docs, [source.relative_to(docs).as_posix() for source in sources])
    claim_ids = [path.stem for path in claim_files(ROOT)]
    return claim_pages(stated_on(blocks, claim_ids), nav_pages(site_config(docs.parent)["nav"]))


def soup_of(page: Path) -> BeautifulSoup:
    """A built page, parsed once per test process while the file is unchanged: several checks
    read every page, and each snippet's test reads its page (the error decoder shows 29
    snippets). Read the tree, never change it."""
    stat = page.stat()
    return parsed(page, stat.st_mtime_ns, stat.st_size)


@functools.cache
def parsed(page: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def shown_blocks(site_dir: Path, snippet: str) -> list[tuple[Path, str, str, str]]:
    """(page, shown code, shown output, output kind) for every place the snippet is shown."""
    blocks = []
    for page in sorted(site_dir.rglob("*.html")):
        if f'data-snippet="{snippet}"' not in page.read_text(encoding="utf-8"):
            continue
        for block in soup_of(page).select(f'div[data-snippet="{snippet}"]'):
            children = block.find_all(recursive=False)
            # The code is the block titled with the snippet's path, above or below the output.
            source = next(c for c in children if c.select_one("span.filename"))
            rest = [child for child in children if child is not source]
            code = source.find("code").get_text()
            if len(rest) == 1 and rest[0].get("class") == ["highlight"]:
                blocks.append((page, code, rest[0].find("code").get_text(), "text"))
            else:
                output = "".join(str(element) for element in rest)
                blocks.append((page, code, output, "markdown"))
    return blocks


def visible_text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def mismatches(site_dir: Path, snippet: str, source: str, stdout: str) -> list[str]:
    """Every way the built site fails to show exactly this code and what a fresh run printed."""
    blocks = shown_blocks(site_dir, snippet)
    if not blocks:
        return [f"{snippet} is not shown on any page: include it or delete it"]
    problems = []
    for page, code, output, kind in blocks:
        where = f"{snippet} on {page.relative_to(site_dir)}"
        if code.strip() != source.strip():
            problems.append(f"{where}: the page shows other code than the file")
        if kind == "text":
            if output.rstrip("\n") != stdout.rstrip("\n"):
                problems.append(f"{where}: the shown output differs from a fresh run")
        else:  # the snippet prints Markdown (a table, say) that the page renders
            rendered = markdown(stdout, extensions=["tables"])
            if visible_text(output) != visible_text(rendered):
                problems.append(f"{where}: the rendered output differs from a fresh run")
    return problems
