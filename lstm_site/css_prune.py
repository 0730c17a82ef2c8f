"""Keep only the CSS that notebook pages use, scoped to `.jupyter-wrapper`.

mkdocs-jupyter ships JupyterLab's whole CSS for every page; the notebooks here use a few dozen
classes and variables of it. Kept: rules whose every class occurs in the notebooks, then only
the custom properties (`--name`) that a kept rule reads. Every selector is scoped to
`.jupyter-wrapper`, so loading the file on every page cannot restyle Material's own elements.
"""

import functools
import re
from collections.abc import Iterable

import tinycss2

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
VARIABLE = re.compile(r"var\(\s*(--[\w-]+)")
SCHEME = re.compile(r"^(\[data-md-color-scheme=[^\]]+\])\s*")
WRAPPER = ".jupyter-wrapper"


def scoped(selector: str) -> str:
    if WRAPPER in selector:
        return selector
    scheme = SCHEME.match(selector)
    if scheme:  # `[data-md-color-scheme=slate] pre` -> `[...] .jupyter-wrapper pre`
        return f"{scheme[1]} {WRAPPER} {selector[scheme.end() :]}"
    return f"{WRAPPER} {selector}"


def declarations(content, variables: set[str] | None) -> str:
    kept = []
    for item in tinycss2.parse_blocks_contents(content, skip_whitespace=True, skip_comments=True):
        if item.type != "declaration":
            continue
        if item.name.startswith("--") and variables is not None and item.name not in variables:
            continue
        important = "!important" if item.important else ""
        kept.append(f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}")
    return ";".join(kept)


def rules(css_rules, used_classes: set[str], variables: set[str] | None) -> list[str]:
    kept = []
    for rule in css_rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            selectors = [
                scoped(s)
                for s in selectors
                if set(CLASS.findall(s)) <= used_classes | {"jupyter-wrapper"}
            ]
            body = declarations(rule.content, variables)
            if selectors and body:
                kept.append(f"{','.join(selectors)}{{{body}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            inner_kept = rules(inner, used_classes, variables)
            if inner_kept:
                prelude = tinycss2.serialize(rule.prelude)
                kept.append(f"@{rule.lower_at_keyword}{prelude}{{{''.join(inner_kept)}}}")
        # Anything else (@charset in mid-file, @font-face, @keyframes) is not used here.
    return kept


def prune(css: str, used_classes: Iterable[str]) -> str:
    return pruned(css, frozenset(used_classes))


@functools.lru_cache(maxsize=2)  # `mkdocs serve` rebuilds with the same notebooks: pruned once
def pruned(css: str, used_classes: frozenset[str]) -> str:
    parsed = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    kept = "".join(rules(parsed, used_classes, None))
    while True:  # drop custom properties nothing reads, until none is left to drop
        parsed = tinycss2.parse_stylesheet(kept, skip_whitespace=True, skip_comments=True)
        smaller = "".join(rules(parsed, used_classes, set(VARIABLE.findall(kept))))
        if len(smaller) == len(kept):
            return smaller
        kept = smaller
