"""Notebook pages: a correctly keyed cache, working links, one shared stylesheet, an .ipynb.

- mkdocs-jupyter keys its cache on the notebook source and its own options only, so a cached page
  could show outputs from another torch. The cache folder is therefore named after every
  installed package and version: a changed environment starts from an empty cache.
- mkdocs-jupyter executes notebooks one after another. Before the pages are read, every
  notebook missing from the cache is executed here in parallel, one process per core, and its
  page written to the cache, so the plugin then reads each one from it.
- MkDocs does not rewrite links in a notebook's HTML: `../page.md#anchor` and `other.py` (a
  notebook page) are rewritten here, and a link to a missing page is a warning (`--strict` fails).
- The page's table of contents and its headings disagree on ids: the headings take the TOC's.
- mkdocs-jupyter puts ~600 KB of CSS, its copy-button script and MathJax and Mermaid loaders in
  every page. The CSS is pruned to what the notebooks use (css_prune.py) and the copy-button
  script kept, each in one shared, cacheable file loaded on every page (instant navigation
  does not load a page's own styles and scripts); the loaders (no math, no diagrams) go.
"""

import hashlib
import json
import logging
import os
import posixpath
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

import jupytext
import mkdocs_jupyter
import nbformat
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs_jupyter import convert
from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path, _get_nb_toc_tokens

from css_prune import prune

NOTEBOOK_PATTERN = "notebooks/*.py"
WRAPPER = '<div class="jupyter-wrapper">'
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
# A link to another page (.md) or notebook page (.py), written as in Markdown.
MARKDOWN_LINK = re.compile(r'href="(?P<target>[^":#]+\.(?:md|py))(?P<anchor>#[^"]*)?"')
HEADING_ID = re.compile(r'(<h[1-6] id=")(?P<id>[^"]*)(">.*?<a class="anchor-link" href="#)[^"]*"')
COPY_BUTTON = re.compile(r'<clipboard-copy ,="" aria-label="Copy to Clipboard"')
COPY_SCRIPT = "assets/notebook-copy.js"  # listed in mkdocs.yml extra_javascript
STYLESHEET = "assets/notebook.css"  # listed in mkdocs.yml extra_css
COPY_ELEMENT = (
    Path(mkdocs_jupyter.__file__).parent / "templates/mkdocs_html/assets/clipboard.umd.js"
)
COPY_NOTICE = """
document.addEventListener("clipboard-copy", (event) => {
  const notice = event.target.querySelector(".notice");
  if (notice) {
    notice.hidden = false;
    setTimeout(() => { notice.hidden = true; }, 1000);
  }
});
"""
log = logging.getLogger("mkdocs.hooks.notebooks")
notebook_css: set[str] = set()  # what mkdocs-jupyter put in the pages (the same for each)
used_classes: set[str] = set()  # every class the notebook pages use


def environment_key() -> str:
    installed = sorted(
        f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions()
    )
    text = "\n".join([sys.version, *installed])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# The options mkdocs-jupyter passes to its converter (plugin.py, on_pre_page).
CONVERT_OPTIONS = [
    "kernel_name",
    "theme",
    "allow_errors",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
    "highlight_extra_classes",
    "include_requirejs",
    "custom_mathjax_url",
]


def on_pre_build(config):
    notebook_css.clear()
    used_classes.clear()
    plugin = config.plugins["mkdocs-jupyter"].config
    if not (plugin["execute"] and plugin["cache"]) or plugin["execute_ignore"]:
        return
    missing = {}
    for source in sorted(Path(config.docs_dir).glob(NOTEBOOK_PATTERN)):
        cache = _get_cache_path(plugin["cache_dir"], _compute_cache_key(source, plugin, True))
        if not cache.exists():
            missing[str(source)] = cache
    if not missing:
        return
    options = {key: plugin[key] for key in CONVERT_OPTIONS}
    log.info(f"Executing {len(missing)} notebooks in parallel")
    with ProcessPoolExecutor(max_workers=min(len(missing), os.cpu_count() or 1)) as pool:
        futures = {s: pool.submit(convert.nb2html, s, execute=True, **options) for s in missing}
        for source, future in futures.items():
            try:
                body = future.result()
            except Exception as error:  # a failing cell: name the notebook, show the cell
                raise PluginError(f"{source}: {error}") from error
            toc_tokens, title = _get_nb_toc_tokens(source, plugin["toc_depth"])
            entry = {"content": body, "toc_tokens": toc_tokens, "title": title}
            missing[source].parent.mkdir(parents=True, exist_ok=True)
            missing[source].write_text(json.dumps(entry), encoding="utf-8")


def on_config(config):
    os.environ["IPYTHONDIR"] = str(Path(__file__).parent / "ipython")
    plugin = config.plugins["mkdocs-jupyter"]
    cache_root = Path(plugin.config["cache_dir"]).parent / "mkdocs-jupyter-by-env"
    plugin.config["cache_dir"] = str(cache_root / environment_key())
    return config


def is_notebook(file) -> bool:
    return Path(file.src_uri).match(NOTEBOOK_PATTERN)


def toc_ids(toc) -> list[str]:
    ids = []
    for link in toc:
        ids += [link.id, *toc_ids(link.children)]
    return ids


def on_page_content(html, page, config, files):
    if not is_notebook(page.file):
        return html
    head, wrapper, body = html.partition(WRAPPER)
    if not wrapper:
        raise PluginError(f"{page.file.src_uri}: mkdocs-jupyter's HTML has no {WRAPPER}")
    notebook_css.add("\n".join(STYLE.findall(head)))
    for element in BeautifulSoup(body, "html.parser").find_all(class_=True):
        used_classes.update(element["class"])

    def link(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match[1]))
        target = files.get_file_from_path(path)
        if target is None:
            log.warning(f"Doc file '{page.file.src_uri}' links to '{match[1]}', not found")
            return match[0]
        return f'href="{target.url_relative_to(page.file)}{match["anchor"] or ""}"'

    ids = iter(toc_ids(page.toc))
    headings = len(HEADING_ID.findall(body))
    if headings == len(toc_ids(page.toc)):
        body = HEADING_ID.sub(lambda m: f'{m[1]}{(new := next(ids))}{m[3]}{new}"', body)
    # A valid, labelled button (the template writes a stray `,` attribute and a bare aria-label).
    body = COPY_BUTTON.sub('<clipboard-copy role="button" aria-label="Copy this cell"', body)
    # A code cell scrolls sideways when a line is long: let the keyboard reach it.
    body = body.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    return wrapper + MARKDOWN_LINK.sub(link, body)


def on_page_context(context, page, config, nav):
    # The download button (overrides/main.html) offers the .ipynb written below, which sits in
    # the page's own folder: a bare file name is a relative link that works under any site_url.
    if is_notebook(page.file):
        page.nb_url = Path(page.file.src_uri).with_suffix(".ipynb").name
    return context


def on_post_build(config):
    """Write the shared notebook stylesheets, and each notebook as .ipynb beside its page."""
    site_dir = Path(config.site_dir)
    copy_script = COPY_ELEMENT.read_text(encoding="utf-8") + COPY_NOTICE
    (site_dir / COPY_SCRIPT).write_text(copy_script, encoding="utf-8")
    css = prune("\n".join(sorted(notebook_css)), used_classes)
    (site_dir / STYLESHEET).write_text(css, encoding="utf-8")
    for source in Path(config.docs_dir).glob(NOTEBOOK_PATTERN):
        notebook = jupytext.read(source)
        nbformat.validate(notebook)
        page_dir = site_dir / source.relative_to(config.docs_dir).with_suffix("")
        page_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, page_dir / source.with_suffix(".ipynb").name)
