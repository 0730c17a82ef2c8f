"""Find fenced code blocks in Markdown (and in a notebook's markdown cells): shared by the build
hooks and the guard tests."""

import re
import shlex
from dataclasses import dataclass

OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
INCLUDE = re.compile(r'^--8<--[ \t]+"(?P<path>[^"]+)"$')
ON = {"on", "1", "true", "yes"}  # what an option such as exec="on" may say to switch it on


def is_on(value: str) -> bool:
    return value.lower() in ON


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    indent: str
    fence: str
    info: str  # everything after the fence characters, e.g. 'python exec="on"'
    body: list[str]  # lines between the fences, indent removed

    @property
    def language(self) -> str:
        return self.info.split(" ", 1)[0].strip()

    @property
    def attributes(self) -> dict[str, str]:
        """`key="value"` pairs of the info string (`python exec="on"` -> {"exec": "on"})."""
        words = shlex.split(self.info)[1:]
        return dict(word.split("=", 1) if "=" in word else (word, "") for word in words)

    @property
    def executed(self) -> bool:
        return is_on(self.attributes.get("exec", ""))

    @property
    def include(self) -> str | None:
        """The snippet path when the body is exactly one `--8<-- "path"` line."""
        lines = [line.strip() for line in self.body if line.strip()]
        match = INCLUDE.match(lines[0]) if len(lines) == 1 else None
        return match["path"] if match else None


def find_fences(markdown: str) -> list[Fence]:
    """Every fenced block, outermost first; an unclosed fence runs to the end, as in Markdown."""
    lines = markdown.split("\n")
    fences = []
    number = 0
    while number < len(lines):
        opening = OPENING.match(lines[number])
        if not opening:
            number += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}[ \t]*$")
        end = number + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [line.removeprefix(indent) for line in lines[number + 1 : end]]
        fences.append(Fence(number + 1, indent, fence, opening["info"].strip(), body))
        number = end + 1
    return fences


def notebook_markdown(source: str) -> str:
    """A percent-format notebook's markdown cells as Markdown, each other line left blank, so
    that a line of the result is the same line of the notebook's file (for `file:line`)."""
    lines, in_markdown = [], False
    for line in source.split("\n"):
        if line.startswith("# %%"):
            in_markdown = "[markdown]" in line
            lines.append("")
        elif in_markdown and line.startswith("#"):
            lines.append(line.removeprefix("#").removeprefix(" "))
        else:
            lines.append("")
    return "\n".join(lines)
