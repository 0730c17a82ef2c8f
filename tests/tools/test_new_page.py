"""`make new-page` scaffolds a page that builds strictly and is tested with no test to write."""

import difflib
import json

import pytest
from mkdocs.utils.yaml import yaml_load

from lstm_site.new_page import LLMS_DESCRIPTION, main
from lstm_site.site_build import SERVE, keep_only, mkdocs_build
from tests.support.pages import shown_blocks

NEW_PAGE = ["packed-states", "Packed states", "--section", "How-to"]
NEW_ENTRY = "Packed states: packed-states.md"
# In the llmstxt plugin's How-to section, after its last page (tests/test_llmstxt.py wants them all)
LLMS_LINE = f"+           - packed-states.md: {LLMS_DESCRIPTION}\n"


def changed_lines(before: str, after: str) -> list[str]:
    """The lines removed ("- ") and added ("+ "), compared byte for byte."""
    diff = difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True))
    return [line for line in diff if line.startswith(("- ", "+ "))]


def how_to_pages(mkdocs_yml: str) -> list[dict]:
    """The How-to section as MkDocs itself reads it (with its !ENV tags)."""
    nav = yaml_load(mkdocs_yml)["nav"]
    return next(entry["How-to"] for entry in nav if "How-to" in entry)


def llms_how_to(mkdocs_yml: str) -> list[dict]:
    """The llmstxt plugin's How-to section, as MkDocs reads it."""
    plugins = yaml_load(mkdocs_yml)["plugins"]
    llmstxt = next(plugin["llmstxt"] for plugin in plugins if "llmstxt" in plugin)
    return llmstxt["sections"]["How-to"]


def test_the_scaffolded_page_builds_and_shows_its_snippet(project):
    before = (project / "mkdocs.yml").read_text()
    main(NEW_PAGE, root=project)

    after = (project / "mkdocs.yml").read_text()
    assert f"      - {NEW_ENTRY}" in after
    # A line at the end of How-to in the nav and in llms.txt; every other byte of mkdocs.yml kept
    assert changed_lines(before, after) == [LLMS_LINE, f"+       - {NEW_ENTRY}\n"]
    assert how_to_pages(after)[-1] == {"Packed states": "packed-states.md"}
    # The llmstxt plugin's How-to section, as MkDocs reads it, lists the page: the plugin writes
    # a line for each (tests/test_llmstxt.py holds the site's llms.txt to every nav page)
    assert llms_how_to(after)[-1] == {"packed-states.md": LLMS_DESCRIPTION}
    # The new page alone (and the claims page), as `make serve` builds it: strictly, showing its
    # snippet's output
    keep_only(project, ["packed-states.md"])
    result = mkdocs_build(project, project / "site", **SERVE)
    assert result.returncode == 0, result.stdout + result.stderr
    blocks = shown_blocks(project / "site", "snippets/packed-states/001_first_example.py")
    assert len(blocks) == 1
    output = blocks[0][2]
    assert "output[-1] equals h_n[-1]: True" in output


def dashes_at_the_key(mkdocs_yml: str) -> str:
    """nav: written with its dashes under the parent key (`- Start here:` at column 0)."""
    head, nav = mkdocs_yml.split("\nnav:\n")
    lines = [line[4:] if line.startswith("      - ") else line[2:] for line in nav.split("\n")]
    return head + "\nnav:\n" + "\n".join(lines)


def a_comment_before_the_next_section(mkdocs_yml: str) -> str:
    return mkdocs_yml.replace("  - Explanation:\n", "\n  # Why it works\n  - Explanation:\n")


@pytest.mark.parametrize("reformat", [dashes_at_the_key, a_comment_before_the_next_section])
def test_a_reformatted_nav_gets_the_page_and_keeps_its_format(project, reformat):
    mkdocs_yml = project / "mkdocs.yml"
    original = mkdocs_yml.read_text()
    mkdocs_yml.write_text(reformat(original))
    before = mkdocs_yml.read_text()
    assert yaml_load(before)["nav"] == yaml_load(original)["nav"]  # the same nav, written otherwise
    main(NEW_PAGE, root=project)

    after = mkdocs_yml.read_text()
    indent = "  " if reformat is dashes_at_the_key else "      "
    assert changed_lines(before, after) == [LLMS_LINE, f"+ {indent}- {NEW_ENTRY}\n"]
    assert how_to_pages(after)[-1] == {"Packed states": "packed-states.md"}
    # Right under the section's last page: above the comment, which heads the next section
    lines = after.splitlines()
    last_page = next(iter(how_to_pages(before)[-1].values()))
    assert lines[lines.index(f"{indent}- {NEW_ENTRY}") - 1].endswith(last_page)


def test_a_section_in_flow_style_gets_the_page_in_flow_style(project):
    mkdocs_yml = project / "mkdocs.yml"
    block = mkdocs_yml.read_text()
    start = block.index("  - How-to:\n")
    end = block.index("\n  - ", start) + 1  # the next section
    pages = ", ".join(  # a title may hold a comma: quoted, as YAML's flow style needs
        f"{{{json.dumps(title)}: {path}}}"
        for [(title, path)] in map(dict.items, how_to_pages(block))
    )
    flow = f"  - How-to: [{pages}]"
    mkdocs_yml.write_text(block[:start] + flow + "\n" + block[end:])
    before = mkdocs_yml.read_text()
    assert yaml_load(before)["nav"] == yaml_load(block)["nav"]
    main(NEW_PAGE, root=project)

    after = mkdocs_yml.read_text()
    assert changed_lines(before, after) == [
        LLMS_LINE,
        f"- {flow}\n",
        f"+ {flow.removesuffix(']')}, {{{NEW_ENTRY}}}]\n",
    ]
    assert how_to_pages(after)[-1] == {"Packed states": "packed-states.md"}


def files_in(project) -> dict[str, bytes]:
    return {
        str(path.relative_to(project)): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["Bad Slug", "T"], "must be lowercase words joined by hyphens"),
        (["bidirectional", "T"], "exists"),
        (["new-topic", "T", "--section", "Nowhere"], "no nav section 'Nowhere'"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(project, argv, message):
    before = (project / "mkdocs.yml").read_text()
    every_file = files_in(project)
    with pytest.raises(SystemExit, match=message):
        main(argv, root=project)
    assert (project / "mkdocs.yml").read_text() == before
    assert not (project / "docs" / "new-topic.md").exists()
    assert files_in(project) == every_file  # no file written, changed or left half-made


def test_a_section_missing_from_llmstxt_is_refused_and_writes_nothing(project):
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("        How-to:\n", "        Guides:\n"))
    every_file = files_in(project)
    with pytest.raises(SystemExit, match=r"the llmstxt plugin in mkdocs\.yml has no section"):
        main(NEW_PAGE, root=project)
    assert files_in(project) == every_file
