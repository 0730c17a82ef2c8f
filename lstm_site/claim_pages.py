"""Which claims page lists each claim: the claims are shared out over pages of about 25.

One page listing all hundred-odd claims scored 79-88 on Lighthouse mobile (its 4,200 elements
restyled several times while the theme starts); a page of the first 25 scored 94 with the same
theme features, and pages of most other sizes here score 98 and over. So docs/claims.md keeps
the grid and an index, and each claim is listed, with its scope, failing configurations and
predicate, on one of the generated pages `claims/<slug>.md`:

- a claim belongs with the page, in nav order, that states it last (the pages further down the
  nav are the specific ones: a FAQ answer points on to them); a claim no page states goes last;
- pages' claims are packed in nav order, a page's claims never split, a new claims page started
  before one would pass GROUP_SIZE. Its slug is its first page's, its title names its pages.

A claim's place is computed at every build: links to it are too (claims.py).
"""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

GROUP_SIZE = 25  # claims a page, at most, unless one page states more
FOLDER = "claims"  # under docs/: claims/<slug>.md, generated
INDEX_TITLE = "Claims index and grid"  # docs/claims.md in the nav's Claims section


@dataclass
class ClaimPage:
    src_uri: str  # claims/<slug>.md
    pages: list[tuple[str, str]] = field(default_factory=list)  # (title, src_uri) it covers
    claim_ids: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        titles = [title for title, _ in self.pages] or ["claims no page states yet"]
        if len(titles) == 1:
            return f"Claims: {titles[0]}"
        return f"Claims: {titles[0]} to {titles[-1]}"


def nav_pages(nav: list | None) -> list[tuple[str, str]]:
    """(title, src_uri) of each page of a `nav:` config, in order; untitled pages by their path."""
    pages: list[tuple[str, str]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, str):
                pages.append((item, item))
                continue
            for title, value in item.items():
                if isinstance(value, list):
                    walk(value)
                elif not str(value).startswith(("http://", "https://")):
                    pages.append((title, value))

    walk(nav or [])
    return pages


def slug(src_uri: str) -> str:
    path = PurePosixPath(src_uri).with_suffix("")
    return "home" if path.as_posix() == "index" else path.as_posix().replace("/", "-")


def claim_pages(stated_on: dict[str, list[str]], nav: list[tuple[str, str]]) -> list[ClaimPage]:
    """The claims pages for claims `{id: [src_uri of each page that states it]}`, in nav order."""
    order = {src_uri: index for index, (_, src_uri) in enumerate(nav)}
    homeless = len(nav)  # a claim no page in the nav states
    by_page: dict[int, list[str]] = {}
    for claim_id, sources in sorted(stated_on.items()):
        place = max((order[src] for src in sources if src in order), default=homeless)
        by_page.setdefault(place, []).append(claim_id)
    result: list[ClaimPage] = []
    for place in sorted(by_page):
        ids = by_page[place]
        if not result or len(result[-1].claim_ids) + len(ids) > GROUP_SIZE:
            first = nav[place][1] if place < homeless else "unstated"
            result.append(ClaimPage(f"{FOLDER}/{slug(first)}.md"))
        if place < homeless:
            result[-1].pages.append(nav[place])
        result[-1].claim_ids += ids
    return result


def with_claim_pages(nav: list, claims_page: str, pages: list[ClaimPage]) -> list:
    """The `nav:` config with the entry of `claims_page` made a section: it, then each page.
    Given a nav it made (a rebuild reusing the config), it makes the section again."""
    section = [{INDEX_TITLE: claims_page}]
    section += [{page.title: page.src_uri} for page in pages]  # titles of their own: tabs, search

    def entry(value):
        if value == claims_page or (isinstance(value, list) and value[:1] == section[:1]):
            return section
        if isinstance(value, list):  # a bare path in a list is a page of its own
            return [{"Claims": section} if item == claims_page else entry(item) for item in value]
        if isinstance(value, dict):
            return {title: entry(inner) for title, inner in value.items()}
        return value

    return entry(nav)
