"""Show each executed snippet: its code, titled with its path, and what this build's run printed.

A page includes an example with
    ```python exec="on" source="above" result="text"
    --8<-- "snippets/<page_slug>/NNN_what_it_shows.py"
    ```
`result="text"` shows the output as text; without it the output is Markdown (a generated table).
`source="below"` puts the code under its output, for a table the reader came for.

Why not markdown-exec: it runs blocks inside the build process, one after another, with no time
limit and no cache, and its failure message is reachable only through its private logger.
Here execution.py has already run every snippet (in parallel, time-limited, cached). This hook:
- on_page_markdown: checks each executed fence (exactly one include of a snippets/ file, no
  session=, no title=), naming page and line, and tags it with its path;
- registers a superfences custom fence (public API: `custom_fences`) that renders the tagged
  fence as `<div class="executed-snippet" data-snippet=PATH>` holding the highlighted source and
  the output. A custom fence renders the same inside a list or a tab as at the top level.
"""

import copy
import functools
from html import escape
from pathlib import Path

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from lstm_site import outputs
from lstm_site.fences import Fence, find_fences, is_on
from lstm_site.outputs import project_root
from lstm_site.runner import time_limit

log = get_plugin_logger("executed_snippets")
SNIPPET_ATTRIBUTE = "snippet"  # added to the fence's info string by on_page_markdown
SOURCE_PLACES = ("above", "below")  # the code above its output, or below (a generated table)
SUPERFENCES = "pymdownx.superfences"
OUTPUT_EXTENSIONS = ["tables", "attr_list"]  # what a snippet's Markdown output may use


def problem_with(fence: Fence, root: Path) -> str | None:
    """Why an executed fence breaks the site's rules, or None."""
    if fence.language != "python":
        return f'only python blocks are executed here, not "{fence.language}"'
    if "title" in fence.attributes:
        return "leave out title=: the block is titled with its snippet's path"
    if "session" in fence.attributes:
        return "session= shares state between blocks; make the snippet self-contained"
    if fence.attributes.get("source", "above") not in SOURCE_PLACES:
        return f"source= is one of {', '.join(SOURCE_PLACES)}: where the code goes"
    path = fence.include
    if path is None:
        return 'the block must hold exactly one line: --8<-- "snippets/<page_slug>/NNN_name.py"'
    parts = path.split("/")
    if len(parts) != 3 or parts[0] != "snippets" or not path.endswith(".py"):
        return f"{path} is not a snippets/<page_slug>/NNN_name.py file"
    if not (root / path).is_file():
        return f"{path} does not exist"
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    root = project_root(config)
    lines = markdown.split("\n")
    for fence in find_fences(markdown):
        if not fence.executed:
            continue
        problem = problem_with(fence, root)
        if problem:
            raise PluginError(f"docs/{page.file.src_path}:{fence.line}: {problem}")
        lines[fence.line - 1] += f' {SNIPPET_ATTRIBUTE}="{fence.include}"'
    return "\n".join(lines)


def validate(language: str, inputs: dict, options: dict, attrs: dict, md) -> bool:
    """Take the fences on_page_markdown tagged; leave every other python fence to superfences."""
    if not is_on(inputs.get("exec", "")) or SNIPPET_ATTRIBUTE not in inputs:
        return False
    options.update(inputs)
    return True


def highlighted(source: str, language: str, title: str | None = None) -> str:
    """The code block a fence of this source renders to, with the site's highlight settings."""
    fence = "`" * max(3, longest_backtick_run(source) + 1)
    title_option = f' title="{escape(title)}"' if title else ""
    return render(f"{fence}{language}{title_option}\n{source}\n{fence}\n")


def longest_backtick_run(text: str) -> int:
    longest = run = 0
    for character in text:
        run = run + 1 if character == "`" else 0
        longest = max(longest, run)
    return longest


converter = Markdown()  # replaced in on_config by one with the site's settings
highlight_settings: dict | None = None  # the settings `converter` was made with


@functools.lru_cache(maxsize=4096)  # a rebuild of `mkdocs serve` highlights only what changed
def render(text: str) -> str:
    """Markdown to HTML in a converter of its own (the page's is busy converting the page)."""
    converter.reset()
    return converter.convert(text)


def format_fence(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    path = options[SNIPPET_ATTRIBUTE]
    run = outputs.snippets.get(path)
    code = highlighted(source.rstrip("\n"), "python", title=path)
    if run is None:  # not run by execution.py: this build runs no code (the benchmark's floor)
        return f'<div class="executed-snippet" data-snippet="{escape(path)}">{code}</div>'
    if not run.ok:
        shown = f"This example failed when the site was built:\n\n{run.message()}"
        output = highlighted(shown, "text")
        state = " failed"
    elif options.get("result"):
        output, state = highlighted(run.stdout.rstrip("\n"), "text"), ""
    else:
        output, state = render(run.stdout), ""
    shown = f"{output}{code}" if options.get("source") == "below" else f"{code}{output}"
    return f'<div class="executed-snippet{state}" data-snippet="{escape(path)}">{shown}</div>'


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global converter, highlight_settings
    settings = config.mdx_configs.get("pymdownx.highlight", {})
    if settings != highlight_settings:  # what `render` has cached was rendered with others
        highlight_settings = copy.deepcopy(settings)
        converter = Markdown(
            extensions=[*OUTPUT_EXTENSIONS, "pymdownx.highlight", SUPERFENCES],
            extension_configs={"pymdownx.highlight": settings},
        )
        render.cache_clear()
    fences = config.mdx_configs.setdefault(SUPERFENCES, {}).setdefault("custom_fences", [])
    if not any(fence.get("format") is format_fence for fence in fences):
        fences.append(
            {"name": "python", "class": "python", "validator": validate, "format": format_fence}
        )
    log.debug(f"snippets run with a time limit of {time_limit():g} s")
    return config
