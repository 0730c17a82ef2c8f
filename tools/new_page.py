"""Scaffold a page: `make new-page SLUG=my-topic TITLE="My topic" SECTION=How-to`.

Creates docs/<slug>.md (answer, proof, pitfalls), snippets/<slug>/001_first_example.py, and the
nav entry at the end of the chosen section of mkdocs.yml. The tests find the new snippet by
themselves: run `make test` and the page is built, executed and checked.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def sections(mkdocs_yml: str) -> dict[str, int]:
    """Top-level nav sections and the line after each one's last entry."""
    lines = mkdocs_yml.split("\n")
    start = lines.index("nav:")
    found, current = {}, None
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line and not line.startswith(" "):
            break  # the end of nav:
        heading = re.match(r"^  - ([^:]+):\s*$", line)
        if heading:
            current = heading[1]
        if current and line.startswith("      - "):
            found[current] = number + 1
    return found


def add_to_nav(mkdocs_yml: str, section: str, title: str, slug: str) -> str:
    known = sections(mkdocs_yml)
    if section not in known:
        raise SystemExit(f"error: no nav section {section!r} in mkdocs.yml; one of: {list(known)}")
    lines = mkdocs_yml.split("\n")
    lines.insert(known[section], f"      - {title}: {slug}.md")
    return "\n".join(lines)


def main(argv: list[str] | None = None, root: Path = ROOT) -> None:
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

    page.write_text(PAGE.format(title=args.title, slug=args.slug))
    snippets.mkdir(parents=True)
    (snippets / "001_first_example.py").write_text(SNIPPET)
    mkdocs_yml.write_text(new_config)
    for path in (page, snippets / "001_first_example.py", mkdocs_yml):
        print(f"wrote {path.relative_to(root)}")
    print("next: `make serve` to see it, `make test` to check it")


if __name__ == "__main__":
    main(sys.argv[1:])
