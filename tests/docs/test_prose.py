"""Guard: the prose states no shape or quick answer that torch did not print at build.

The patterns come from issue 12, where every wrong sentence was typed by hand:
- a shape tuple typed in a Markdown table: such a table must be printed by an executed snippet,
  which asserts it against torch, so it never appears in the page's source;
- a quick answer, `h_n[-1]`, with no word about the configurations where it is wrong
  (bidirectional, padding) and no link to where they are shown, in the same sentence or row;
- "between -1 and 1" for the hidden state without the `proj_size` exception;
- a promise about how fast every example runs;
- an equality or sameness of tensors or results ("equals", "the same as", "identical",
  "matches") stated in prose, outside a claim fence or an executed block, in a sentence that does
  not link to the claim that proves it (`claims.md#<id>`), where the claim's scope says on which
  configurations it holds (issue 23: such sentences were each shown on one configuration and
  stated for all of them).
Each failure lists every offending line as `docs/page.md:line: text`.
"""

import re
from pathlib import Path

import pytest

from lstm_site import paths
from lstm_site.fences import find_fences
from lstm_site.paths import ROOT, relative

PAGES = sorted((ROOT / "docs").glob("*.md"))
NOTEBOOKS = sorted((ROOT / "docs").glob(paths.NOTEBOOKS))
# `(seq_len, batch, D * H_out)`, `(batch,)`, `(2, 3, 20)`: a backticked tuple of sizes.
SHAPE_TUPLE = re.compile(r"`\((?:\s*[\w.*+\- ]+\s*,)+\s*[\w.*+\- ]*\)`")
# `(h_0, c_0)` is a pair of tensors, not a shape.
TENSOR_PAIR = re.compile(r"`\((?:\s*(?:[hc]_[0-9nt]|[hc]|output|x)\s*,?)+\)`")
QUICK_ANSWER = re.compile(r"`h_n\[-1\]`")
# What makes `h_n[-1]` a safe answer: the caveat in words, or a link to the page that shows it.
QUALIFIED = re.compile(r"bidirectional|backward|direction|pack|padd|\]\(", re.IGNORECASE)
BOUNDED = re.compile(r"between -1 and 1|\(-1, 1\)|in \[-1, 1\]")
PROJECTION = re.compile(r"proj_size|projection", re.IGNORECASE)
SPEED_PROMISE = re.compile(r"under a second|instantly|in no time", re.IGNORECASE)
# Words that state that two tensors or results are the same. Inline code is blanked first, so a
# quoted torch message ("must be equal to input_size") is not read as the page's own statement.
SAMENESS = re.compile(
    r"\bequals?\b|\bthe same as\b|\bidentical\b|\bmatches\b|\bexactly what\b"
    r"|\bsame (?:results?|outputs?|values|states?|vectors|logits|masks?)\b",
    re.IGNORECASE,
)
INLINE_CODE = re.compile(r"``.+?``|`[^`]*`")
# A heading's attribute list, `{ #id data-x="y" }`: its id repeats the heading's words.
ATTRIBUTE_LIST = re.compile(r"\{:?\s*[#.\w][^{}]*\}\s*$")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
CLAIM_LINK = re.compile(r"\]\((?:\.\./)?claims\.md#[a-z0-9_]+\)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*\[(])")
QUICK_ANSWER_PAGES = {"index.md", "faq.md"}


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of every line a reader sees as prose: fences and HTML left out."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":  # a percent-format notebook: its markdown cells only
        return notebook_prose(text)
    in_fence = set()
    for fence in find_fences(text):
        in_fence.update(range(fence.line, fence.line + len(fence.body) + 2))
    return [
        (number, line)
        for number, line in enumerate(text.split("\n"), start=1)
        if number not in in_fence and not line.lstrip().startswith("<")
    ]


def notebook_prose(text: str) -> list[tuple[int, str]]:
    lines, in_markdown = [], False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("# %%"):
            in_markdown = "[markdown]" in line
        elif in_markdown and line.startswith("#"):
            lines.append((number, line.removeprefix("#").removeprefix(" ")))
    return lines


def blocks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(first line, text) of each table row, list item and paragraph."""
    found, start, parts = [], None, []

    def close():
        nonlocal start, parts
        if parts:
            found.append((start, " ".join(parts)))
        start, parts = None, []

    for number, line in lines:
        stripped = line.strip()
        new_item = re.match(r"([-*]|\d+\.)\s", stripped) or stripped.startswith(("|", "#"))
        if not stripped or new_item:
            close()
        if stripped:
            start = start or number
            parts.append(stripped)
        if stripped.startswith(("|", "#")):
            close()
    close()
    return found


def sentences(text: str) -> list[str]:
    if text.startswith("|"):
        return [text]  # a table row is one statement
    return SENTENCE_END.split(text)


def offenders(paths, test) -> list[str]:
    found = []
    for path in paths:
        for number, text in blocks(prose_lines(path)):
            found += [f"{relative(path)}:{number}: {s}" for s in sentences(text) if test(path, s)]
    return found


def typed_shape_in_table(path: Path, sentence: str) -> bool:
    return sentence.startswith("|") and bool(SHAPE_TUPLE.search(TENSOR_PAIR.sub("", sentence)))


def unqualified_quick_answer(path: Path, sentence: str) -> bool:
    quick = path.name in QUICK_ANSWER_PAGES or sentence.startswith("|")
    return quick and bool(QUICK_ANSWER.search(sentence)) and not QUALIFIED.search(sentence)


def bounded_without_projection(path: Path, sentence: str) -> bool:
    return bool(BOUNDED.search(sentence)) and not PROJECTION.search(sentence)


def speed_promise(path: Path, sentence: str) -> bool:
    return bool(SPEED_PROMISE.search(sentence))


def sameness_without_claim(path: Path, sentence: str) -> bool:
    words = ATTRIBUTE_LIST.sub("", sentence)
    words = LINK_TARGET.sub("]", INLINE_CODE.sub("`code`", words)).replace("*", "")
    return bool(SAMENESS.search(words)) and not CLAIM_LINK.search(sentence)


@pytest.mark.parametrize(
    "test, why",
    [
        (typed_shape_in_table, "a shape typed in a table: print the table from a snippet"),
        (unqualified_quick_answer, "h_n[-1] with no caveat (bidirectional, padding) or link"),
        (bounded_without_projection, "h in (-1, 1) is false with proj_size: say so"),
        (speed_promise, "a promise of speed that the notebooks do not keep"),
        (
            sameness_without_claim,
            "an equality stated in prose: include the claim (a ```claim fence), link it in the "
            "same sentence ([...](claims.md#<id>)), or reword what is not a general statement",
        ),
    ],
    ids=lambda value: value.__name__ if callable(value) else "",
)
def test_prose(test, why):
    found = offenders([*PAGES, *NOTEBOOKS], test)
    assert not found, f"{why}:\n" + "\n".join(found)


def test_the_guard_sees_a_typed_table(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "| Tensor | Shape |\n|---|---|\n| `output` | `(seq_len, batch, H)` |\n\n"
        '```python exec="on" source="above"\n--8<-- "snippets/x/001_table.py"\n```\n'
        "One label per sequence: `h_n[-1]`.\n"
    )
    lines = blocks(prose_lines(page))
    assert [typed_shape_in_table(page, text) for _, text in lines] == [False, False, True, False]
    assert unqualified_quick_answer(tmp_path / "index.md", lines[-1][1])
    assert not unqualified_quick_answer(tmp_path / "index.md", "`h_n[-1]` (packed, see [x](y.md))")


def test_the_guard_sees_an_unproven_equality(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "The last step of `output` equals `h_n[-1]`.\n\n"
        "```claim\noutput_last_is_h_n_top\n```\n\n"
        "It holds [where the grid says](claims.md#output_last_is_h_n_top): `output[-1]` equals"
        " `h_n[-1]`.\n\n"
        "The message reads `input.size(-1) must be equal to input_size`.\n\n"
        '## Wrong features: `must be equal` { #must-be-equal-to data-diagnosis="x" }\n'
    )
    found = [
        (number, sentence)
        for number, text in blocks(prose_lines(page))
        for sentence in sentences(text)
        if sameness_without_claim(page, sentence)
    ]
    assert found == [(1, "The last step of `output` equals `h_n[-1]`.")]
