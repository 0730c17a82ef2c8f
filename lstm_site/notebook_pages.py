"""Notebook pages, as mkdocs-jupyter renders them from the executed .ipynb: fixes and downloads.

- MkDocs does not rewrite links in a notebook's HTML: `../page.md#anchor` and `other.py` (a
  notebook page) are rewritten here, and a link to a missing page is a warning (`--strict` fails).
- The page's table of contents and its headings disagree on ids: the headings take the TOC's.
- mkdocs-jupyter writes each cell's code twice: highlighted, and again in a hidden
  `.clipboard-copy-txt` div for its copy button. The copy goes, and the button copies the
  highlighted code itself (its `for` now names the `<pre>`): each cell's code is in the page once.
- mkdocs-jupyter puts JupyterLab's whole CSS, its copy-button script and MathJax and Mermaid
  loaders in every page. The CSS is pruned to what the notebooks use (css_prune.py), followed by
  this site's own notebook rules (notebook-layout.css), and the copy-button script kept, each in
  one shared, cacheable file loaded on every page; the loaders (no math, no diagrams) go.
- Each notebook page offers its .ipynb: the executed notebook whose outputs the page shows.
"""

import functools
import posixpath
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import jupytext
import mkdocs_jupyter
import nbformat
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from lstm_site import outputs
from lstm_site.claims import fences_as_markdown
from lstm_site.code_blocks import height_style
from lstm_site.css_prune import prune
from lstm_site.outputs import project_root
from lstm_site.paths import NOTEBOOKS

WRAPPER = '<div class="jupyter-wrapper">'
# A link to another page (.md) or notebook page (.py), written as in Markdown.
MARKDOWN_LINK = re.compile(r'href="(?P<target>[^":#]+\.(?:md|py))(?P<anchor>#[^"]*)?"')
COPY_SCRIPT = "assets/notebook-copy.js"  # listed in mkdocs.yml extra_javascript
STYLESHEET = "assets/notebook.css"  # listed in mkdocs.yml extra_css
LAYOUT = Path(__file__).with_name("notebook-layout.css")  # this site's own notebook rules
COPY_ELEMENT = (
    Path(mkdocs_jupyter.__file__).parent / "templates/mkdocs_html/assets/clipboard.umd.js"
)
COPY_NOTICE = Path(__file__).with_name("notebook-copy-notice.js")
# Pygments token spans that the notebook CSS gives no style (names, white space): unwrapped.
UNSTYLED = ("n", "w")
# Punctuation is drawn in the code's colour in notebook cells (docs/assets/theme-fixes.css), as
# names are: without its spans, the longest notebook page stays within 1.5x the median prose
# page's HTML (site_build.MAX_NOTEBOOK_OVER_MEDIAN).
UNWRAPPED = (*UNSTYLED, "p")
UNWRAPPED_SPANS = ", ".join(f'span[class="{name}"]' for name in UNWRAPPED)
log = get_plugin_logger("notebook_pages")
notebook_css: set[str] = set()  # what mkdocs-jupyter put in the pages (the same for each)
used_classes: set[str] = set()  # every class the notebook pages use


def is_notebook(page: Page) -> bool:
    return Path(page.file.src_uri).match(NOTEBOOKS)


def toc_links(toc) -> list:
    """Every entry of a table of contents, in page order."""
    links = []
    for link in toc:
        links += [link, *toc_links(link.children)]
    return links


@event_priority(-100)  # after mkdocs-jupyter's on_files has wrapped each notebook file
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Point each wrapped notebook file at its executed .ipynb.

    mkdocs-jupyter wraps a notebook's File in its NotebookFile, which delegates attributes to
    the File but recomputes `abs_src_path` from `src_dir` (a cached property), and a generated
    File has no `src_dir`: the wrapper's path would be None. Setting it on the wrapper is all
    that is needed; tests/test_build.py fails if notebook pages stop showing their outputs.
    """
    for file in files:
        run = outputs.notebook_run(file, config)
        if run is not None:
            file.abs_src_path = str(run.executed)
    return files


def on_pre_build(*, config: MkDocsConfig) -> None:
    notebook_css.clear()
    used_classes.clear()


def fix_cells(soup) -> None:
    """One copy of each cell's code, a labelled copy button, code reachable by keyboard."""
    for hidden in soup.select("div.clipboard-copy-txt[id]"):
        code = hidden.find_previous_sibling("div", class_="highlight-ipynb")
        if code is None or code.pre is None:
            raise PluginError(f"mkdocs-jupyter's cell layout changed near #{hidden['id']}")
        code.pre["id"] = hidden["id"]
        hidden.decompose()
    for button in soup.select("clipboard-copy"):
        # The template writes a stray `,` attribute and a bare aria-label.
        button.attrs.pop(",", None)
        button["role"], button["aria-label"] = "button", "Copy this cell"
        for icon in button.select("svg.clipboard-copy-icon"):
            icon.decompose()  # a copy in every cell: notebook-layout.css draws it instead
    for empty in soup.select("div.jp-Collapser"):
        empty.decompose()  # collapsing needs JupyterLab's scripts; these are empty boxes
    for outer in soup.select("div.jp-Cell"):
        children = outer.find_all(recursive=False)
        if len(children) == 1 and children[0].get("class") == outer.get("class"):
            outer.unwrap()  # the template wraps each code cell twice in the same div
    for code in soup.select("div.highlight-ipynb"):
        code["tabindex"] = "0"  # a long line scrolls sideways: let the keyboard reach it
        code["style"] = height_style(code.pre.get_text())  # notebook-layout.css
        for span in code.select(UNWRAPPED_SPANS):
            span.unwrap()  # names, spaces, punctuation: half a page's bytes, the code's colour


def fix_headings(soup, toc_ids: tuple[str, ...]) -> tuple[str, ...] | None:
    """Headings take the ids of the page's table of contents, in order, when they agree; the
    titles the table of contents should show are returned (None: they disagree).

    Each heading's "¶" link goes: told from text by colour only, and the table of contents
    already links every heading."""
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    headings = soup.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")
    if len(headings) != len(toc_ids):
        return None
    titles = []
    for heading, toc_id in zip(headings, toc_ids, strict=True):
        heading["id"] = toc_id
        # mkdocs-jupyter's table of contents drops a heading's code ("and are and"): its title
        # is the heading's own text, escaped as MkDocs escapes a Markdown heading's.
        text = "".join(heading.find_all(string=True)).strip()
        titles.append(escape(text, quote=False))
    return tuple(titles)


@dataclass(frozen=True)
class FixedNotebook:
    html: str  # the wrapper's HTML, fixed; its links still as written in Markdown
    css: str  # mkdocs-jupyter's CSS that came before the wrapper
    classes: frozenset[str]
    titles: tuple[str, ...] | None  # of the table of contents (fix_headings)


# `mkdocs serve` rebuilds every page on a save: an unchanged notebook's page is fixed once.
@functools.lru_cache(maxsize=32)
def fixed_notebook(html: str, toc_ids: tuple[str, ...]) -> FixedNotebook | None:
    soup = BeautifulSoup(html, "html.parser")
    wrapper = soup.select_one("div.jupyter-wrapper")
    if wrapper is None:
        return None
    # Its CSS comes before the wrapper: collected for the shared stylesheet, dropped here.
    css = "\n".join(style.get_text() for style in wrapper.find_all_previous("style"))
    fix_cells(wrapper)
    titles = fix_headings(wrapper, toc_ids)
    classes = frozenset(
        name for element in wrapper.find_all(class_=True) for name in element["class"]
    )
    return FixedNotebook(str(wrapper), css, classes, titles)


# Early: the llmstxt plugin turns each page's HTML into Markdown on this event too, and must read
# the fixed page (each cell once, its links resolved), not mkdocs-jupyter's.
@event_priority(50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page):
        return html
    links = toc_links(page.toc)
    fixed = fixed_notebook(html, tuple(link.id for link in links))
    if fixed is None:
        raise PluginError(f"{page.file.src_uri}: mkdocs-jupyter's HTML has no {WRAPPER}")
    notebook_css.add(fixed.css)
    used_classes.update(fixed.classes)
    for link, title in zip(links, fixed.titles or (), strict=False):
        link.title = title

    def link(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match[1]))
        target = files.get_file_from_path(path)
        if target is None:
            # At the level MkDocs logs a Markdown page's link to a missing page: a warning.
            level = config.validation.links.not_found
            log.log(level, f"Doc file '{page.file.src_uri}' links to '{match[1]}', not found")
            return match[0]
        return f'href="{target.url_relative_to(page.file)}{match["anchor"] or ""}"'

    return MARKDOWN_LINK.sub(link, fixed.html)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # The download button (overrides/main.html) offers the .ipynb written below, which sits in
    # the page's own folder: a bare file name is a relative link that works under any site_url.
    if is_notebook(page):
        page.nb_url = Path(page.file.src_uri).with_suffix(".ipynb").name
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the shared notebook stylesheet and script, and each notebook's .ipynb."""
    site_dir, docs_dir = Path(config.site_dir), Path(config.docs_dir).resolve()
    copy_script = COPY_ELEMENT.read_text(encoding="utf-8") + COPY_NOTICE.read_text("utf-8")
    (site_dir / COPY_SCRIPT).write_text(copy_script, encoding="utf-8")
    css = prune("\n".join(sorted(notebook_css)), used_classes) + LAYOUT.read_text("utf-8")
    for name in UNSTYLED:
        if re.search(rf"\.highlight-ipynb \.{name}\b", css):
            log.warning(f"the notebook CSS now styles .{name}: stop unwrapping those spans")
    (site_dir / STYLESHEET).write_text(css, encoding="utf-8")
    root = project_root(config)
    for source in sorted(docs_dir.glob(NOTEBOOKS)):
        page_dir = site_dir / source.relative_to(docs_dir).with_suffix("")
        page_dir.mkdir(parents=True, exist_ok=True)
        download = page_dir / source.with_suffix(".ipynb").name
        run = outputs.notebooks.get(source.relative_to(root).as_posix())
        if run is not None and run.ok:  # the outputs the page shows; claims as Markdown
            write_download(run.executed, download, config.site_url or "")
        else:  # a build that runs no code (the benchmark's floor): the notebook without outputs
            nbformat.write(jupytext.read(source), download)


def write_download(executed: Path, download: Path, site_url: str) -> None:
    """The executed notebook as a reader downloads it: a claim fence of a markdown cell shows
    as the claim's sentence and scope (lstm_site/claims.py), as on the page, not as code."""
    notebook = nbformat.read(executed, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = fences_as_markdown(cell.source, site_url)
    nbformat.write(notebook, download)
