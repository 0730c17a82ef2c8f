"""Check every executed block of a page and title it with the snippet file it runs.

An executed block must be exactly one include of a file under snippets/, so the reader sees
the whole file that ran. The title puts the file's path on the page and in markdown-exec's
error message, whose traceback then reads `File "<code block: n1; title snippets/...>", line N`.
"""

import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from fences import find_fences

SNIPPETS = Path("snippets")
MARKDOWN_EXEC_LOGGER = "mkdocs.plugins.markdown_exec._internal.formatters.base"
SNIPPET_FRAME = re.compile(r'File "<code block: [^>]*title (?P<path>[^>]+)>", line (?P<line>\d+)')
FRAME = re.compile(r'^(?P<indent>\s*)File "')
LEFTOVER_MARKDOWN_ATTRIBUTE = re.compile(r'(<div class="executed-snippet" [^>]*?) markdown="[^"]*"')


def without_plugin_frames(traceback: str) -> str:
    """The traceback less markdown-exec's own frames (each a File line and its code lines)."""
    kept, skip_deeper_than = [], None
    for line in traceback.splitlines():
        frame = FRAME.match(line)
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None and not frame and indent > skip_deeper_than:
            continue
        skip_deeper_than = None
        if frame and "markdown_exec" in line:
            skip_deeper_than = len(frame["indent"])
            continue
        kept.append(line)
    return "\n".join(kept)


class SnippetFailure(logging.Filter):
    """Lead markdown-exec's failure message with `file:line: exception`, as a compiler would."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        frames = list(SNIPPET_FRAME.finditer(message))
        if "exited with" not in message or "Output is:" not in message or not frames:
            return True
        traceback = without_plugin_frames(message.split("Output is:", 1)[1]).strip("\n")
        exception = traceback.strip().splitlines()[-1].strip()
        traceback = SNIPPET_FRAME.sub(r'File "\g<path>", line \g<line>', traceback)
        last = frames[-1]
        record.msg = f"{last['path']}:{last['line']}: {exception}\n\n{traceback}\n"
        record.args = ()
        return True


def on_config(config):
    logger = logging.getLogger(MARKDOWN_EXEC_LOGGER)
    if not any(isinstance(f, SnippetFailure) for f in logger.filters):
        logger.addFilter(SnippetFailure())
    return config


def problem_with(fence) -> str | None:
    """Why an executed fence breaks the site's rules, or None."""
    if fence.language != "python":
        return f'only python blocks are executed here, not "{fence.language}"'
    if "title" in fence.attributes:
        return "leave out title=: the block is titled with its snippet's path"
    if "session" in fence.attributes:
        return "session= shares state between blocks; make the snippet self-contained"
    path = fence.include
    if path is None:
        return 'the block must hold exactly one line: --8<-- "snippets/<page_slug>/NNN_name.py"'
    if Path(path).parent.parent != SNIPPETS or Path(path).suffix != ".py":
        return f"{path} is not a snippets/<page_slug>/NNN_name.py file"
    if not Path(path).is_file():
        return f"{path} does not exist"
    if "markdown-exec: hide" in Path(path).read_text(encoding="utf-8"):
        return f"{path} hides lines: the reader must see all the code that ran"
    return None


def on_page_content(html, page, config, files):
    # md_in_html keeps `markdown="block"` on a wrapper it could not consume (inside a list).
    return LEFTOVER_MARKDOWN_ATTRIBUTE.sub(r"\1", html)


def on_page_markdown(markdown, page, config, files):
    lines = markdown.split("\n")
    for fence in find_fences(markdown):
        if not fence.executed:
            continue
        problem = problem_with(fence)
        if problem:
            raise PluginError(f"docs/{page.file.src_path}:{fence.line}: {problem}")
        # Title the source with its file, and wrap block and output in a div that tests and
        # CSS can find (md_in_html renders the Markdown inside it).
        start, end = fence.line - 1, fence.line + len(fence.body)
        if os.environ.get("SITE_EXECUTE", "true").lower() == "false":  # `make bench`'s floor
            lines[start] = f'{fence.indent}{fence.fence}python title="{fence.include}"'
        else:
            lines[start] += f' title="{fence.include}"'
        lines[start] = (
            f'{fence.indent}<div class="executed-snippet" data-snippet="{fence.include}" markdown>'
            f"\n\n{lines[start]}"
        )
        lines[end] += f"\n\n{fence.indent}</div>"
    return "\n".join(lines)
