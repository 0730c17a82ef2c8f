"""Scaffold a page: `make new-page SLUG=my-topic TITLE="My topic" SECTION=How-to`.

Creates docs/<slug>.md (answer, proof, pitfalls), snippets/<slug>/001_first_example.py, the
nav entry at the end of the chosen section of mkdocs.yml, and the page's line in llms.txt (the
llmstxt plugin's section of the same name: the tests require every nav page there). The tests
find the new snippet by themselves: run `make test` and the page is built, executed and checked.
"""

import argparse
import io
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML, CommentToken
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.util import load_yaml_guess_indent

from lstm_site.paths import ROOT

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

PAGE = """\
# {title}

**The answer:** say it here in two sentences, with the shapes.

## The proof

One or two sentences on what the example shows. The output under it is printed by the build.

```python exec="on" source="above" result="text"
--8<-- "snippets/{slug}/001_first_example.py"
```

## Pitfalls

- The mistake readers make, and how the example above shows it.

Related: [output vs (h_n, c_n)](output-vs-state.md).
"""

SNIPPET = """\
import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Print shapes and booleans, and assert every claim you print.
print("output:", tuple(output.shape))
print("output[-1] equals h_n[-1]:", torch.equal(output[-1], h_n[-1]))
assert output.shape == (seq_len, batch, hidden_size)
assert torch.equal(output[-1], h_n[-1])
"""


def round_trip() -> YAML:
    """ruamel.yaml in round-trip mode: it keeps comments, order, quotes and tags such as !ENV.
    Only for the edit: everything else reads mkdocs.yml with MkDocs' loader
    (site_build.site_config), which drops the comments this writes back."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # keep [{A: a.md}] as written
    return yaml


def split_at_nav(mkdocs_yml: str) -> tuple[str, str, str]:
    """The text before the nav: block, the block (its key up to the next top-level key), after."""
    config = round_trip().load(mkdocs_yml)
    if "nav" not in config:
        raise SystemExit("error: mkdocs.yml has no nav: to add the page to")
    keys, lines = list(config), mkdocs_yml.splitlines(keepends=True)
    following = keys[keys.index("nav") + 1 :]
    start = config.lc.key("nav")[0]
    end = config.lc.key(following[0])[0] if following else len(lines)
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def move_trailing_comment(pages: CommentedSeq, entry: CommentedMap) -> None:
    """ruamel keeps the comment lines after a list's last entry on that entry, where they would
    end up above an appended one: move them to the new entry, leaving end-of-line comments."""
    node, key = pages, len(pages) - 1
    while isinstance(node[key], dict | list) and node[key]:  # the last entry is a subsection
        node = node[key]
        key = next(reversed(node)) if isinstance(node, dict) else len(node) - 1
    slots, index = node.ca.items.get(key), 2 if isinstance(node, dict) else 0
    token = slots[index] if slots else None
    if token is None or "\n" not in token.value.rstrip("\n"):
        return  # no comment, or only one at the end of the entry's line
    end_of_line, _, lines_after = token.value.partition("\n")
    if end_of_line:
        token.value = end_of_line + "\n"
        token = CommentToken("\n" + lines_after, CommentMark(0))
    else:
        slots[index] = None
    entry.ca.items[next(iter(entry))] = [None, None, token, None]


def add_to_nav(mkdocs_yml: str, section: str, title: str, slug: str) -> str:
    """mkdocs.yml with `title: slug.md` at the end of a top-level nav section.

    Only the nav: block is emitted again, in the indentation it is written in, between the
    original text before and after it: the rest of the file is kept byte-for-byte.
    """
    before, nav, after = split_at_nav(mkdocs_yml)
    _, sequence_indent, offset = load_yaml_guess_indent(nav)
    yaml = round_trip()
    yaml.indent(mapping=2, sequence=sequence_indent or 4, offset=offset or 0)
    config = yaml.load(mkdocs_yml)
    known = {
        name: pages
        for entry in config["nav"]
        if isinstance(entry, dict) and len(entry) == 1
        for name, pages in entry.items()
        if isinstance(pages, list)
    }
    if section not in known:
        raise SystemExit(f"error: no nav section {section!r} in mkdocs.yml; one of: {list(known)}")
    entry = CommentedMap({title: f"{slug}.md"})
    if known[section]:
        move_trailing_comment(known[section], entry)
    known[section].append(entry)
    emitted = io.StringIO()
    yaml.dump(config, emitted)
    return before + split_at_nav(emitted.getvalue())[1] + after


LLMS_DESCRIPTION = "Replace with the question this page answers, in one line (llms.txt)"


def add_to_llmstxt(mkdocs_yml: str, section: str, slug: str) -> str:
    """mkdocs.yml with `- slug.md: LLMS_DESCRIPTION` after the last page of the llmstxt plugin's
    `section`, in its indentation: one line inserted, every other byte kept."""
    config = round_trip().load(mkdocs_yml)
    plugins = config.get("plugins") or []
    llmstxt = next((p["llmstxt"] for p in plugins if isinstance(p, dict) and "llmstxt" in p), None)
    pages = ((llmstxt or {}).get("sections") or {}).get(section)
    if not pages:
        raise SystemExit(f"error: the llmstxt plugin in mkdocs.yml has no section {section!r}")
    lines = mkdocs_yml.splitlines(keepends=True)
    line = pages.lc.item(len(pages) - 1)[0]  # the last page's line, which starts with "- "
    dash = len(lines[line]) - len(lines[line].lstrip())
    end = line + 1
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > dash + 1:
        end += 1  # a description continued on the next lines
    lines.insert(end, f"{' ' * dash}- {slug}.md: {LLMS_DESCRIPTION}\n")
    return "".join(lines)


def main(argv: list[str] | None = None, root: Path | None = None) -> None:
    root = root or ROOT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("slug", help="lowercase words joined by hyphens, e.g. packed-sequences")
    parser.add_argument("title", help="the page title shown in the navigation")
    parser.add_argument("--section", default="How-to", help="nav section (default: How-to)")
    args = parser.parse_args(argv)

    if not SLUG.match(args.slug):
        raise SystemExit(f"error: slug {args.slug!r} must be lowercase words joined by hyphens")
    page, snippets = root / "docs" / f"{args.slug}.md", root / "snippets" / args.slug
    if page.exists() or snippets.exists():
        raise SystemExit(f"error: {page.relative_to(root)} or snippets/{args.slug}/ exists")
    mkdocs_yml = root / "mkdocs.yml"
    new_config = add_to_nav(mkdocs_yml.read_text(), args.section, args.title, args.slug)
    new_config = add_to_llmstxt(new_config, args.section, args.slug)

    page.write_text(PAGE.format(title=args.title, slug=args.slug))
    snippets.mkdir(parents=True)
    (snippets / "001_first_example.py").write_text(SNIPPET)
    mkdocs_yml.write_text(new_config)
    for path in (page, snippets / "001_first_example.py", mkdocs_yml):
        print(f"wrote {path.relative_to(root)}")
    print("next: `make serve` to see it, `make test` to check it")


if __name__ == "__main__":
    main(sys.argv[1:])
