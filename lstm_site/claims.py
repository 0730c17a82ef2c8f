"""Claims on the pages: each included by id, shown with its scope; the claims pages; claims.json.

A claim is `claims/<id>.py`: a SENTENCE about how torch behaves and a predicate checked on every
configuration of the grid (lstm_site/claim_grid.py); lstm_site/execution.py runs them all before
any page is read (lstm_site/claim_runs.py). A page includes one with a fence of its own:

    ```claim
    output_last_is_h_n_top
    ```

and the build renders the sentence, its scope generated from the results (lstm_site/
claim_scope.py: "Holds on 48 of 192 configurations: not for bidirectional, ...") and a link to
the claims page. The fence is a superfences custom fence (public API: `custom_fences`), so it
renders the same inside a list, an admonition or a tab. A notebook's markdown cell includes one
with the same fence (`# ```claim`); mkdocs-jupyter renders notebooks without MkDocs' Markdown,
so its page shows the fence as a code block, which on_page_content replaces. Events:
- on_files (before execution.py runs anything): reads every claim's SENTENCE (without running it)
  and finds every page and notebook that includes one, in its file (MkDocs hands
  on_page_markdown a page without its front matter, so lines are counted here): an unknown id
  or a malformed block stops the build at once, naming `docs/page:line`.
  It adds claims.json at the site root, a generated file (so links to it are checked), and
  the claims pages `claims/<slug>.md` (lstm_site/claim_pages.py says which claim each lists),
  each in the nav's Claims section after docs/claims.md;
- on_nav: a block whose claim's run failed is a warning naming its line (--strict fails); and
  writes claims.json: the torch version and every claim with its sentence, pages,
  predicate file and results (a notebook's page has its URL only once mkdocs-jupyter has made
  it a page, after on_files);
- on_page_markdown: tags each block with its link to the claim on its claims page, points
  each link written `claims.md#<id>` there too, and writes at the `<!-- claims -->` line of
  docs/claims.md the grid and an index of the claims pages, and of each claims page one section
  a claim, anchored by the claim's id;
- on_page_content: renders a notebook's claim blocks and points its `claims.md#<id>` links,
  and fills the explorer's data element
  with every claim's results, so that `window.lstmClaims(config)` answers synchronously, with
  no torch in the browser.
"""

import ast
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from lstm_site import outputs
from lstm_site.claim_axes import AXES, BATCH, GRID
from lstm_site.claim_pages import ClaimPage, claim_pages, nav_pages, with_claim_pages
from lstm_site.claim_runs import CLAIMS
from lstm_site.claim_scope import Scope, scope, table_rows
from lstm_site.executed_snippets import SUPERFENCES, render
from lstm_site.fences import Fence, find_fences, notebook_markdown
from lstm_site.outputs import project_root
from lstm_site.paths import CLAIMS_PAGE, NOTEBOOKS

log = get_plugin_logger("claims")
FENCE = "claim"  # a block's info string, exactly
CLAIM_ID = re.compile(r"^[a-z0-9_]+$")
PUBLISHED = "claims.json"  # at the site root, beside the claims page's folder
PAGE_MARKER = re.compile(r"^<!-- claims -->$", re.MULTILINE)
# The explorer's data element, in docs/explorer.md; the build gives it the data as an attribute.
DATA_ELEMENT = '<div id="lstm-claims-data" hidden></div>'
HOLDS_CODES = {True: "1", False: "0", None: "-"}  # one character a configuration, grid order
# A link to a claim as pages write it, `claims.md#<id>` (`../claims.md#<id>` from a folder): the
# build points it at the claims page that lists the claim (lstm_site/claim_pages.py).
CLAIM_LINK = re.compile(r"(?<![\w/.-])(?P<up>(?:\.\./)*)claims\.md#(?P<id>[a-z0-9_]+)")
# A claim fence as mkdocs-jupyter renders a notebook's markdown cell: a code block whose text is
# the language's name, then the id.
NOTEBOOK_BLOCK = re.compile(r'<pre><code class="language-claim">(?P<text>[^<]*)</code></pre>')


@dataclass
class Claim:
    id: str
    path: str  # claims/<id>.py
    sentence: str  # Markdown
    source: str
    included: list[tuple[File, int]] = field(default_factory=list)  # (page, line of the block)


@dataclass
class Catalog:
    """What this build knows of the claims, from on_files on."""

    claims: dict[str, Claim]
    claims_page: File | None
    titles: dict[str, str] = field(default_factory=dict)  # page src_uri -> nav title
    published: File | None = None  # claims.json
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (docs/page:line, claim id)
    pages: dict[str, ClaimPage] = field(default_factory=dict)  # claims/<slug>.md -> its claims
    page_of: dict[str, File] = field(default_factory=dict)  # claim id -> the page listing it


catalog = Catalog({}, None)


def read_claim(root: Path, path: Path) -> Claim:
    """The claim in a file, from its SENTENCE literal: nothing is run."""
    relative = path.relative_to(root).as_posix()
    source = path.read_text(encoding="utf-8")
    if not CLAIM_ID.match(path.stem):
        raise PluginError(f"{relative}: a claim's id (its file name) is [a-z0-9_]+")
    try:
        tree = ast.parse(source, filename=relative)
    except SyntaxError as error:
        raise PluginError(f"{relative}:{error.lineno}: {error.msg}") from None
    for node in tree.body:
        targets = [getattr(target, "id", None) for target in getattr(node, "targets", [])]
        if isinstance(node, ast.Assign) and targets == ["SENTENCE"]:
            try:
                sentence = ast.literal_eval(node.value)
            except ValueError:
                sentence = None
            if isinstance(sentence, str) and sentence.strip():
                return Claim(path.stem, relative, " ".join(sentence.split()), source)
            raise PluginError(f"{relative}:{node.lineno}: SENTENCE must be a string literal")
    raise PluginError(f"{relative}: no SENTENCE = '...' (the claim's one sentence)")


# Before execution.py's (100): a block naming no claim stops the build before any example runs.
# Before the plugins' (0), so that htmlproofer's list of the site's files, taken in its on_files,
# has claims.json.
@event_priority(150)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global catalog
    root = project_root(config)
    claims = {claim.id: claim for claim in (read_claim(root, p) for p in claim_files(root))}
    catalog = Catalog(claims, files.get_file_from_path(CLAIMS_PAGE))
    if claims and catalog.claims_page is None:
        raise PluginError(f"there are claims but no docs/{CLAIMS_PAGE}, the page that lists them")
    blocks = list(claim_blocks(Path(config.docs_dir), page_uris(files)))
    for src_uri, fence in blocks:
        where = f"docs/{src_uri}:{fence.line}"
        lines = [line.strip() for line in fence.body if line.strip()]
        if len(lines) != 1 or not CLAIM_ID.match(lines[0]):
            raise PluginError(f"{where}: a claim block holds one line, the claim's id")
        claim = claims.get(lines[0])
        if claim is None:
            raise PluginError(f"{where}: no claim {lines[0]} (no file claims/{lines[0]}.py)")
        if src_uri != CLAIMS_PAGE:
            claim.included.append((files.get_file_from_path(src_uri), fence.line))
        catalog.blocks.append((where, claim.id))
    for claim_page in claim_pages(stated_on(blocks, claims), nav_pages(config.nav)):
        file = File.generated(config, claim_page.src_uri, content=claim_page_source(claim_page))
        files.append(file)
        catalog.pages[claim_page.src_uri] = claim_page
        catalog.page_of.update(dict.fromkeys(claim_page.claim_ids, file))
    if config.nav is not None:
        config["nav"] = with_claim_pages(config.nav, CLAIMS_PAGE, list(catalog.pages.values()))
    # Written in on_nav; a build that runs no code (the bench's floor) publishes no claim.
    catalog.published = File.generated(config, PUBLISHED, content="")
    files.append(catalog.published)
    return files


def claim_page_source(claim_page: ClaimPage) -> str:
    """A generated claims page's Markdown; on_page_markdown puts its claims at the marker."""
    pages = ", ".join(f"[{title}](../{src_uri})" for title, src_uri in claim_page.pages)
    stated = (
        "Each claim is listed on one claims page: the one that covers the last page in the "
        f"navigation that states it. This one covers {pages}; a claim they share with a later "
        "page is listed with that page's claims."
        if pages
        else "The claims no page states yet."
    )
    # Every claim names the terms of the pages that state it: without the boost, a search for a
    # term such as "bidirectional" finds these pages before the page about it.
    return (
        f"---\nsearch:\n  boost: 0.1\n---\n\n# {claim_page.title}\n\n{stated} "
        f"Each is checked with torch on every configuration of [the grid](../{CLAIMS_PAGE}#grid) "
        f"while the site is built; [the claims index](../{CLAIMS_PAGE}) says how, and lists "
        "every claim.\n\n<!-- claims -->\n"
    )


def claim_href(claim_id: str, page: File) -> str:
    """The link from `page` to a claim on the claims page that lists it."""
    return f"{catalog.page_of[claim_id].url_relative_to(page)}#{claim_id}"


def claim_links(text: str) -> str:
    """Each link written `claims.md#<id>` pointed at the claims page that lists the claim.
    Another anchor of the index (`claims.md#grid`) stays, for MkDocs to check."""

    def point(match: re.Match) -> str:
        file = catalog.page_of.get(match["id"])
        return f"{match['up']}{file.src_uri}#{match['id']}" if file else match[0]

    return CLAIM_LINK.sub(point, text)


def page_uris(files: Files) -> list[str]:
    """The src_uri of every .md page with a file of its own, and of every notebook."""
    return [
        file.src_uri
        for file in files
        if (file.src_uri.endswith(".md") and file.is_documentation_page() and file.abs_src_path)
        or Path(file.src_uri).match(NOTEBOOKS)
    ]


def claim_blocks(docs_dir: Path, src_uris: Iterable[str]) -> Iterator[tuple[str, Fence]]:
    """(src_uri, fence) of each claim block in these pages' sources, each fence's line where it
    is in the file: a notebook is read as its markdown cells, its other lines blank. A notebook's
    File points at the executed .ipynb by on_files (execution.py), so sources are read from
    docs_dir."""
    for src_uri in src_uris:
        source = (docs_dir / src_uri).read_text(encoding="utf-8")
        markdown = notebook_markdown(source) if Path(src_uri).match(NOTEBOOKS) else source
        for fence in find_fences(markdown):
            if fence.info == FENCE:
                yield src_uri, fence


def stated_on(
    blocks: Iterable[tuple[str, Fence]], claim_ids: Iterable[str]
) -> dict[str, list[str]]:
    """Each claim's id -> the pages whose blocks state it, in order; the claims index is not one
    of them. The blocks' ids are checked (on_files)."""
    pages: dict[str, list[str]] = {claim_id: [] for claim_id in claim_ids}
    for src_uri, fence in blocks:
        if src_uri != CLAIMS_PAGE:
            pages[block_id(fence)].append(src_uri)
    return pages


def claim_files(root: Path) -> list[Path]:
    return sorted(root.glob(CLAIMS))


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    for where, claim_id in catalog.blocks:  # the claims ran in execution.py's on_files
        run = outputs.claims.get(claim_id)
        if run is not None and not run.ok:
            log.warning(
                f"{where}: the claim {claim_id} failed when the site was built "
                f"({run.path}: {run.failure})"
            )
    catalog.titles = {page.file.src_uri: page.title for page in nav.pages if page.title}
    catalog.published.content_string = json.dumps(published(files), separators=(",", ":"))
    return nav


def claim_fences(markdown: str) -> list[tuple[Fence, str]]:
    """Each claim fence of this Markdown, with the id it holds (on_files checked it holds one)."""
    return [(f, block_id(f)) for f in find_fences(markdown) if f.info == FENCE]


def block_id(fence: Fence) -> str:
    """The claim id a claim block holds (on_files checked it holds one)."""
    return "".join(fence.body).strip()


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lines = markdown.split("\n")
    for fence, claim_id in claim_fences(markdown):
        lines[fence.line - 1] += f' href="{claim_href(claim_id, page.file)}"'
    markdown = claim_links("\n".join(lines))
    if page.file.src_uri == CLAIMS_PAGE:
        if not PAGE_MARKER.search(markdown):
            raise PluginError(f"docs/{CLAIMS_PAGE} has no `<!-- claims -->` line to list them at")
        listing = "\n\n".join([grid_section(), index_section()])
        markdown = PAGE_MARKER.sub(lambda _: listing, markdown)
    elif (claim_page := catalog.pages.get(page.file.src_uri)) is not None:
        sections = [claim_section(catalog.claims[i], page) for i in claim_page.claim_ids]
        markdown = PAGE_MARKER.sub(lambda _: "\n\n".join(sections), markdown)
    return markdown


def scope_text(claim: Claim) -> str:
    """The claim's scope as Markdown, or why there is none."""
    run = outputs.claims.get(claim.id)
    if run is None:  # this build ran no claim (the bench's floor)
        return "This build ran no code: the scope was not computed."
    if not run.ok:
        return f"The check of this claim failed when the site was built: {run.failure}"
    return grid_scope(holds_of(run.results)).text


def holds_of(results: list[dict]) -> tuple[bool | None, ...]:
    """What a run's results say, in the grid's order (claim_runs.parse checked the order)."""
    return tuple(result["holds"] for result in results)


# Pages include a claim 330 times a build, and `mkdocs serve` rebuilds every page on a save:
# each claim's scope and table are computed once for its results, not once an include.
@functools.lru_cache(maxsize=1024)
def grid_scope(holds: tuple[bool | None, ...]) -> Scope:
    return scope(on_grid(holds))


@functools.lru_cache(maxsize=1024)
def grid_table_rows(holds: tuple[bool | None, ...]) -> list[dict[str, tuple]]:
    return table_rows(on_grid(holds))


def on_grid(holds: tuple[bool | None, ...]) -> list[dict]:
    return [{"config": config, "holds": h} for config, h in zip(GRID, holds, strict=True)]


def block(claim: Claim, link: str | None) -> str:
    """The sentence, then its scope and the link to how it was checked, as HTML."""
    run = outputs.claims.get(claim.id)
    state = " failed" if run is not None and not run.ok else ""
    sentence = render(claim.sentence).replace("<p>", '<p class="claim-sentence">', 1)
    scope_html = render(scope_text(claim)).removeprefix("<p>").removesuffix("</p>")
    if link:
        scope_html += f' <a class="claim-link" href="{escape(link)}">How this was checked</a>'
    return (
        f'<div class="claim{state}" data-claim="{escape(claim.id)}">{sentence}'
        f'<p class="claim-scope">{scope_html}</p></div>'
    )


def validate(language: str, inputs: dict, options: dict, attrs: dict, md) -> bool:
    """Take every claim fence (on_files checked each), with the link on_page_markdown added."""
    options.update(inputs)
    return True


def format_claim(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    claim = catalog.claims[source.strip()]  # on_files refused an unknown id
    return block(claim, options.get("href"))


def grid_section() -> str:
    """The axes every claim is checked on, from lstm_site/claim_axes.py."""
    count = 1
    rows = ["| Axis | Values |", "|---|---|"]
    for axis, values in AXES.items():
        count *= len(values)
        rows.append(f"| `{axis}` | {', '.join(f'`{value}`' for value in values)} |")
    return (
        "## The grid {#grid}\n\n"
        f"Every claim is checked on every combination of these values, {count} configurations. "
        "`input` is a batch of equal lengths (`batched`), one sequence without a batch "
        "dimension (`unbatched`), a batch of unequal lengths padded with zeros (`padded`), or "
        "the same batch packed with `pack_padded_sequence` (`packed`).\n\n" + "\n".join(rows)
    )


def index_section() -> str:
    """On the claims index: each claims page, and the claims it lists. A link to a claim on this
    page, from before the claims had pages of their own (claims/#<id>), goes on to it."""
    rows = []
    for src_uri, claim_page in catalog.pages.items():
        links = ", ".join(f"[`{i}`]({src_uri}#{i})" for i in claim_page.claim_ids)
        rows.append(f"- [{claim_page.title}]({src_uri}): {links}")
    return "## Where each claim is listed {#pages}\n\n" + "\n".join(rows) + "\n\n" + REDIRECT


REDIRECT = """<script>
(() => {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!/^[a-z0-9_]+$/.test(id) || document.getElementById(id)) return;
  const link = document.querySelector(`.md-typeset a[href$="#${id}"]`);
  if (link) location.replace(link.href);
})();
</script>"""


def claim_section(claim: Claim, page: Page) -> str:
    """One claim on its claims page: heading, block, pages, where it fails, its predicate."""
    pages = [
        f"[{catalog.titles.get(file.src_uri, file.src_uri)}]"
        f"({get_relative_url(file.src_uri, page.file.src_uri)})"
        for file in dict.fromkeys(file for file, _ in claim.included)
    ]
    included = f"Included in: {', '.join(pages)}." if pages else "Not included in a page yet."
    parts = [
        f"## `{claim.id}` {{#{claim.id} .claim-heading}}",
        block(claim, link=None),
        included,
    ]
    run = outputs.claims.get(claim.id)
    if run is not None and run.ok and any(r["holds"] is False for r in run.results):
        parts += ["Where it does not hold (among the configurations it applies to):"]
        parts += [failing_table(holds_of(run.results))]
    fence = "`" * 4 if "```" in claim.source else "`" * 3
    # Plain text, not highlighted: a hundred predicates' token spans made this page ten times
    # the elements of any other page, slow to lay out on a phone and for axe to check.
    parts.append(f'{fence}text title="{claim.path}"\n{claim.source.rstrip()}\n{fence}')
    return "\n\n".join(parts)


def failing_table(holds: tuple[bool | None, ...]) -> str:
    header = "| " + " | ".join(f"`{axis}`" for axis in AXES) + " |"
    rows = [header, "|" + "---|" * len(AXES)]
    for row in grid_table_rows(holds):
        cells = [
            "any" if len(values) == len(AXES[axis]) else ", ".join(map(str, values))
            for axis, values in row.items()
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def fences_as_markdown(markdown: str, site_url: str) -> str:
    """A notebook's markdown cell for its download: each claim fence, which Jupyter would show as
    a code block of an id, becomes the claim's sentence and scope, linked to the claims page of
    the published site at `site_url` (a downloaded notebook has no site beside it)."""
    lines = markdown.split("\n")
    for fence, claim_id in reversed(claim_fences(markdown)):  # from the end: line numbers hold
        claim = catalog.claims[claim_id]  # on_files refused an unknown id
        link = (
            f"[How this was checked]({urljoin(site_url, catalog.page_of[claim_id].url)}#{claim_id})"
        )
        quote = [f"> **Claim:** {claim.sentence}", ">", f"> {scope_text(claim)} {link}"]
        lines[fence.line - 1 : fence.line + len(fence.body) + 1] = [
            fence.indent + line for line in quote
        ]
    return "\n".join(lines)


def notebook_blocks(html: str, page: Page) -> str:
    """A notebook page's claim fences, rendered as code by mkdocs-jupyter, as claim blocks."""

    def claim_block(match: re.Match) -> str:
        claim_id = match["text"].split()[-1]  # on_files checked each fence of the notebook
        return block(catalog.claims[claim_id], claim_href(claim_id, page.file))

    # Before notebook_pages.py's on_page_content (the next hook) makes its .md links URLs.
    return claim_links(NOTEBOOK_BLOCK.sub(claim_block, html))


# Before the plugins' (0): llmstxt reads each page's HTML in its own on_page_content, and a
# notebook's claim blocks must be there by then.
@event_priority(50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if Path(page.file.src_uri).match(NOTEBOOKS):
        return notebook_blocks(html, page)
    if DATA_ELEMENT not in html:
        return html
    data = {
        "axes": AXES,
        "batch": BATCH,
        "claims": [
            {
                "id": claim.id,
                "href": claim_href(claim.id, page.file),
                "sentence": render(claim.sentence).removeprefix("<p>").removesuffix("</p>"),
                "holds": "".join(HOLDS_CODES[r["holds"]] for r in run.results),
            }
            for claim in catalog.claims.values()
            if (run := outputs.claims.get(claim.id)) is not None and run.ok
        ],
    }
    text = escape(json.dumps(data, separators=(",", ":")), quote=True)
    return html.replace(
        DATA_ELEMENT, DATA_ELEMENT.replace(" hidden>", f' hidden data-claims="{text}">')
    )


def published(files: Files) -> dict:
    """claims.json: every claim whose run succeeded, with what it says and where it holds."""
    return {
        "torch": version("torch"),
        "claims": [
            {
                "id": claim.id,
                "sentence": claim.sentence,
                "pages": list(
                    dict.fromkeys(
                        files.get_file_from_path(file.src_uri).url for file, _ in claim.included
                    )
                ),
                "predicate": claim.path,
                "url": f"{catalog.page_of[claim.id].url}#{claim.id}",
                "results": run.results,
            }
            for claim in catalog.claims.values()
            if (run := outputs.claims.get(claim.id)) is not None and run.ok
        ],
    }


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    fences = config.mdx_configs.setdefault(SUPERFENCES, {}).setdefault("custom_fences", [])
    if not any(fence.get("format") is format_claim for fence in fences):
        fences.append(
            {"name": FENCE, "class": FENCE, "validator": validate, "format": format_claim}
        )
    return config
