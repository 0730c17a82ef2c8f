"""Check every executed block of a page and title it with the snippet file it runs.

An executed block must be exactly one include of a file under snippets/, so the reader sees
the whole file that ran. The title puts the file's path on the page and in markdown-exec's
error message, whose traceback then reads `File "<code block: n1; title snippets/...>", line N`.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from fences import find_fences

SNIPPETS = Path("snippets")


def problem_with(fence) -> str | None:
    """Why an executed fence breaks the site's rules, or None."""
    if fence.language != "python":
        return f'only python blocks are executed here, not "{fence.language}"'
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
        if "title" not in fence.attributes:
            lines[start] += f' title="{fence.include}"'
        lines[start] = (
            f'{fence.indent}<div class="executed-snippet" data-snippet="{fence.include}" markdown>'
            f"\n\n{lines[start]}"
        )
        lines[end] += f"\n\n{fence.indent}</div>"
    return "\n".join(lines)
