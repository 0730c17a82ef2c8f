"""Notebook pages: a correctly keyed execution cache, and an .ipynb to download.

mkdocs-jupyter keys its cache on the notebook source and its own options only, so a cached page
could show outputs from another torch. The cache folder is therefore named after every installed
package and version: a changed environment starts from an empty cache.
"""

import hashlib
import os
import sys
from importlib import metadata
from pathlib import Path

import jupytext
import nbformat

NOTEBOOK_PATTERN = "notebooks/*.py"


def environment_key() -> str:
    installed = sorted(
        f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions()
    )
    text = "\n".join([sys.version, *installed])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def on_config(config):
    os.environ["IPYTHONDIR"] = str(Path(__file__).parent / "ipython")
    plugin = config.plugins["mkdocs-jupyter"]
    cache_root = Path(plugin.config["cache_dir"]).parent / "mkdocs-jupyter-by-env"
    plugin.config["cache_dir"] = str(cache_root / environment_key())
    return config


def is_notebook(file) -> bool:
    return Path(file.src_uri).match(NOTEBOOK_PATTERN)


def on_page_context(context, page, config, nav):
    # The download button (overrides/main.html) offers the .ipynb written below, which sits in
    # the page's own folder: a bare file name is a relative link that works under any site_url.
    if is_notebook(page.file):
        page.nb_url = Path(page.file.src_uri).with_suffix(".ipynb").name
    return context


def on_post_build(config):
    """Write each percent-format notebook as .ipynb beside its page (without outputs)."""
    site_dir = Path(config.site_dir)
    for source in Path(config.docs_dir).glob(NOTEBOOK_PATTERN):
        notebook = jupytext.read(source)
        nbformat.validate(notebook)
        page_dir = site_dir / source.relative_to(config.docs_dir).with_suffix("")
        page_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, page_dir / source.with_suffix(".ipynb").name)
