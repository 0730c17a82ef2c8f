"""Inline SVG diagrams, drawn at build time.

A Markdown line holding only a marker is replaced by a `<figure class="diagram">` with an inline
SVG and a caption:

    <!-- diagram: unrolled num_layers=2 seq_len=4 -->
    <!-- diagram: unrolled num_layers=2 seq_len=4 bidirectional -->
    <!-- diagram: unrolled num_layers=12 seq_len=30 batch_first -->
    <!-- diagram: cell -->

The SVG is drawn by docs/assets/diagrams.js, the renderer that also draws the explorer's live grid
in the reader's browser; here it runs in V8 embedded in this process (mini-racer), so the build
needs no browser and no node, and a change to a diagram is made once. This module reads the
marker, writes the caption and places the figure.
"""

import atexit
import os
import re
from functools import cache, lru_cache
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from py_mini_racer import JSEvalException, MiniRacer

from lstm_site.fences import find_fences
from lstm_site.paths import ROOT

MARKER = re.compile(r"^[ \t]*<!--\s*diagram\b(?P<body>.*?)-->[ \t]*$")
MAX_LAYERS, MAX_SEQ_LEN = 100, 100_000  # what a marker accepts: the explorer's form limits
RENDERER = ROOT / "docs" / "assets" / "diagrams.js"
CELL_CAPTION = (
    "One step of one layer. The cell state runs along the top, "
    "`c_t = f * c_{t-1} + i * g`, and is never squashed; the hidden state is "
    "`h_t = o * tanh(c_t)`. `output` is made of the `h_t`; `c_n` is the last `c_t`."
)


class DiagramError(ValueError):
    """A marker that names no diagram, or a parameter that does not fit it."""


@cache
def engine() -> MiniRacer:
    """One V8 for the process, closed at exit: a MiniRacer left open hangs the shutdown."""
    racer = MiniRacer()
    atexit.register(racer.close)
    return racer


@lru_cache(maxsize=1)
def renderer(source: str, name: str) -> MiniRacer:
    """V8 with this source of the renderer loaded (again when the file changes, as in serve).

    `sourceURL` makes V8 name the file in a JavaScript error (`docs/assets/diagrams.js:12: ...`).
    """
    engine().eval(f"{source}\n//# sourceURL={name}")
    return engine()


def draw(function: str, *args: object) -> str:
    """The markup `function(*args)` returns in docs/assets/diagrams.js."""
    source = RENDERER.read_text(encoding="utf-8")
    return renderer(source, os.path.relpath(RENDERER, ROOT)).call(function, *args)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def unrolled_caption(num_layers: int, seq_len: int, bidirectional: bool, batch_first: bool) -> str:
    """The figure's caption on a static page, in Markdown's `code` and **strong**."""
    steps = plural(seq_len, "step")
    if bidirectional:
        return (
            f"Bidirectional, {plural(num_layers, 'layer')}, {steps}. Each layer has a "
            "forward row (→) and a backward row (←). The shaded band is `output`: the top layer "
            "at every step, `[forward; backward]`. Dashed outlines are the final states `h_n` "
            "and `c_n`, numbered layer by layer, forward then backward: the backward direction "
            "ends at the **first** step, so `h_n[-1]` is on the left."
        )
    last = "output[:, -1]" if batch_first else "output[-1]"
    return (
        f"{plural(num_layers, 'layer').capitalize()}, {steps}. The shaded band is `output`: "
        "the top layer at every step. The dashed outline is `h_n` and `c_n`: every layer at "
        f"the last step, bottom layer first, so `h_n[-1]` is the top layer and equals `{last}`."
    )


def integer(name: str, value: str, low: int, high: int) -> int:
    if not re.fullmatch(r"\d+", value) or not low <= int(value) <= high:
        raise DiagramError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


FLAGS = ("bidirectional", "batch_first")  # the unrolled marker's flags, written without =


def parse(body: str) -> tuple[str, dict]:
    """`: unrolled num_layers=2 seq_len=4` -> ("unrolled", {...}), or DiagramError."""
    if not body.lstrip().startswith(":"):
        raise DiagramError("write the marker as <!-- diagram: NAME key=value ... -->")
    words = body.lstrip()[1:].split()
    if not words:
        raise DiagramError("the marker names no diagram (known: unrolled, cell)")
    kind, words = words[0], words[1:]
    params: dict = {}
    for word in words:
        key, _, value = word.partition("=")
        if key in params:
            raise DiagramError(f"{key} is given twice")
        params[key] = value if "=" in word else None
    if kind == "cell":
        if params:
            raise DiagramError(f"the cell diagram takes no parameters, got {', '.join(params)}")
        return kind, {}
    if kind == "unrolled":
        unknown = set(params) - {"num_layers", "seq_len", *FLAGS}
        if unknown:
            raise DiagramError(
                f"unknown parameter {', '.join(sorted(unknown))} "
                "(unrolled takes num_layers=N seq_len=N [bidirectional] [batch_first])"
            )
        for key in ("num_layers", "seq_len"):
            if params.get(key) is None:
                raise DiagramError(f"unrolled needs {key}=N")
        for flag in FLAGS:
            if params.get(flag) is not None:
                raise DiagramError(f"{flag} is a flag: write it alone, without =")
        return kind, {
            "num_layers": integer("num_layers", params["num_layers"], 1, MAX_LAYERS),
            "seq_len": integer("seq_len", params["seq_len"], 1, MAX_SEQ_LEN),
            **{flag: flag in params for flag in FLAGS},
        }
    raise DiagramError(f"unknown diagram {kind!r} (known: unrolled, cell)")


def figure(body: str, uid: str) -> str:
    """The `<figure>` for a marker's body, on one line so Markdown passes it through as HTML."""
    kind, params = parse(body)
    if kind == "cell":
        svg, caption = draw("lstmCellSvg", uid), CELL_CAPTION
    else:
        svg, caption = draw("lstmUnrolledSvg", params, uid), unrolled_caption(**params)
    caption = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(caption, quote=False))
    caption = re.sub(r"`([^`]+)`", r"<code>\1</code>", caption)
    return (
        f'<figure class="diagram diagram-{kind}">{svg}<figcaption>{caption}</figcaption></figure>'
    )


def source_line(page: Page, line: str, fallback: int) -> int:
    """The marker's line in the file itself (MkDocs has taken any front matter off `markdown`)."""
    try:
        return page.file.content_string.split("\n").index(line) + 1
    except (AttributeError, OSError, ValueError):
        return fallback


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Each marker line outside a code block becomes its figure; a bad marker fails the build."""
    lines = markdown.split("\n")
    fenced = set()
    for fence in find_fences(markdown):  # a marker shown inside a code block stays as it is
        fenced.update(range(fence.line - 1, fence.line + len(fence.body) + 1))
    count = 0
    for number, line in enumerate(lines):
        marker = MARKER.match(line)
        if not marker or number in fenced:
            continue
        count += 1
        try:
            html = figure(marker["body"], f"diagram-{count}")
        except (DiagramError, JSEvalException) as error:  # a bad marker, or the renderer's fault
            where = f"docs/{page.file.src_path}:{source_line(page, line, number + 1)}"
            raise PluginError(f"{where}: {line.strip()}: {error}") from error
        lines[number] = f"\n{html}\n"
    return "\n".join(lines)
