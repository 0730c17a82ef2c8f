"""Small fixes to Material's HTML that the Nu validator reports as errors."""

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# With navigation.sections, section labels get `tabindex=""`, an invalid value: an empty
# tabindex means the same as none, so it is removed.
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return EMPTY_TABINDEX.sub(r"\1", output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return EMPTY_TABINDEX.sub(r"\1", output_content)  # 404.html is rendered as a template
