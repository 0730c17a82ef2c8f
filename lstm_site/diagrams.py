"""Inline SVG diagrams, drawn at build time.

A Markdown line holding only a marker is replaced by a `<figure class="diagram">` with an inline
SVG and a caption:

    <!-- diagram: unrolled num_layers=2 seq_len=4 -->
    <!-- diagram: unrolled num_layers=2 seq_len=4 bidirectional -->
    <!-- diagram: unrolled num_layers=12 seq_len=30 batch_first -->
    <!-- diagram: cell -->

Past 6 steps or 4 layers (3 bidirectional) the grid leaves the middle out, with a gap (⋯, ⋮).
Colours come from classes styled in docs/assets/extra.css with Material's CSS variables, so the
diagrams follow the light and the dark scheme; the presentation attributes (`currentColor`) are
only a fallback.

Two renderers, held equal by a test. docs/assets/explorer.js draws the same unrolled grid in the
browser, live, as the reader types; `unrolled_svg` here is its twin, statement for statement.
tests/browser/test_diagram_parity.py renders a few hundred configurations with both (this module
in Python, the explorer's `window.lstmUnrolledSvg` in Chromium) and requires the same elements,
classes, positions, labels, title and description. One renderer for both was weighed and
rejected: the build must need Python only, so one renderer would be the JavaScript run either in
the reader's browser (the static pages would show no diagram without JavaScript, and nothing for
the tests to read in the built HTML) or by a JavaScript runtime at build (node is not a Python
dependency). Change one renderer, run that test, and change the other until it passes.
"""

import math
import re
from dataclasses import dataclass
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from lstm_site.fences import find_fences

MARKER = re.compile(r"^[ \t]*<!--\s*diagram\b(?P<body>.*?)-->[ \t]*$")
MAX_LAYERS, MAX_SEQ_LEN = 100, 100_000  # what a marker accepts: the explorer's form limits
TIMES, SIGMA = "\u00d7", "\u03c3"  # the multiplication sign and the sigmoid's sigma
ELLIPSIS, VERTICAL_ELLIPSIS = "\u22ef", "\u22ee"  # a gap in the steps, a gap in the layers

# Geometry of the unrolled grid, the same in docs/assets/explorer.js.
CELL_W, CELL_H = 76, 34
COL = 104  # horizontal pitch of the time steps (wider if a step's label needs it)
ROW = 72  # vertical pitch of the layers (one direction)
PAIR = 12  # gap between the forward and the backward row of a layer
LAYER_GAP = 40  # gap between two layers (bidirectional)
PAD = 14  # outer margin
CHAR_W = 7.9  # width of a 13px monospace character
MIN_SCALE = 0.6  # a narrower screen scrolls the figure rather than shrink its text further
TOP = 64  # room above the top row for the output labels
BOTTOM = 56  # room below the bottom row for the inputs
MAX_DRAWN_STEPS = 6  # more steps are drawn as the first 3, a gap, the last 2
MAX_DRAWN_LAYERS = 4  # more layers: the first, a gap, the last 2
MAX_DRAWN_BIDIRECTIONAL_LAYERS = 3  # the first, a gap, the last


class DiagramError(ValueError):
    """A marker that names no diagram, or a parameter that does not fit it."""


def fmt(value: float) -> str:
    """One decimal, rounded half up and without a trailing `.0`, as explorer.js writes it."""
    return f"{math.floor(value * 10 + 0.5) / 10:.1f}".removesuffix(".0")


class Svg:
    """A list of SVG elements with a few drawing helpers."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def rect(self, x, y, w, h, cls, rx=6) -> None:
        self.parts.append(
            f'<rect class="{cls}" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}"'
            f' rx="{fmt(rx)}" fill="none" stroke="currentColor"/>'
        )

    def circle(self, cx, cy, r, cls) -> None:
        self.parts.append(
            f'<circle class="{cls}" cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}"'
            ' fill="none" stroke="currentColor"/>'
        )

    def text(self, x, y, content, cls="d-label", anchor="middle") -> None:
        self.parts.append(
            f'<text class="{cls}" x="{fmt(x)}" y="{fmt(y)}" text-anchor="{anchor}"'
            f' fill="currentColor">{escape(content, quote=False)}</text>'
        )

    def path(self, points, cls="d-line") -> None:
        d = " ".join(
            ("M" if i == 0 else "L") + f"{fmt(x)} {fmt(y)}" for i, (x, y) in enumerate(points)
        )
        self.parts.append(f'<path class="{cls}" d="{d}" fill="none" stroke="currentColor"/>')

    def arrow(self, *points, cls="d-arrow") -> None:
        """A polyline through `points` with an arrowhead at the last one."""
        (x1, y1), (x2, y2) = points[-2], points[-1]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        bx, by = x2 - 7 * ux, y2 - 7 * uy
        self.path([*points[:-1], (bx, by)], cls)
        head = [(x2, y2), (bx - 4 * uy, by + 4 * ux), (bx + 4 * uy, by - 4 * ux)]
        self.parts.append(
            f'<path class="{cls}-head" d="M{" L".join(f"{fmt(x)} {fmt(y)}" for x, y in head)} Z"'
            ' fill="currentColor"/>'
        )

    def render(self, width, height, uid, title, description, kind) -> str:
        return (
            f'<svg class="diagram-svg diagram-{kind}" xmlns="http://www.w3.org/2000/svg"'
            f' viewBox="0 0 {fmt(width)} {fmt(height)}" width="100%"'
            f' style="max-width: {fmt(width * 1.15)}px; min-width: {fmt(width * MIN_SCALE)}px"'
            ' role="img"'
            f' aria-labelledby="{uid}-title" aria-describedby="{uid}-desc"'
            ' font-family="monospace" font-size="13">'
            f'<title id="{uid}-title">{escape(title, quote=False)}</title>'
            f'<desc id="{uid}-desc">{escape(description, quote=False)}</desc>'
            + "".join(self.parts)
            + "</svg>"
        )


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class Grid:
    """What the unrolled grid shows; `batch_first` names the steps `output[:, t]`."""

    num_layers: int
    seq_len: int
    bidirectional: bool = False
    batch_first: bool = False


def drawn(count: int, cap: int, head: int) -> list[int | None]:
    """The steps or layers to draw: all of them, or the first `head`, a gap (None), the last."""
    if count <= cap:
        return list(range(count))
    return [*range(head), None, *range(count - (cap - head - 1), count)]


def left_out(indices: list[int | None], name: str, mark: str) -> list[str]:
    """`steps 3 to 5 (⋯)` for the gap in `indices`, if there is one."""
    if None not in indices:
        return []
    gap = indices.index(None)
    first, last = indices[gap - 1] + 1, indices[gap + 1] - 1
    return [f"{name} {first} ({mark})" if first == last else f"{name}s {first} to {last} ({mark})"]


def state_labels(index: int, total: int, directions: int) -> list[str]:
    """`h_n[k]`, `c_n[k]`; the top layer's rows also get their negative index (`= h_n[-1]`)."""
    if index < total - directions:
        return [f"h_n[{index}]", f"c_n[{index}]"]
    negative = index - total
    return [f"h_n[{index}]", f"= h_n[{negative}]", f"c_n[{index}]", f"= c_n[{negative}]"]


def state_text(svg: "Svg", x: float, mid: float, lines: list[str], anchor: str) -> None:
    """The lines of a row's final-state label, centred on the row."""
    for i, line in enumerate(lines):
        cls = "d-label d-label-state" + (" d-label-alias" if line.startswith("=") else "")
        svg.text(x, mid + 4.5 + (i - (len(lines) - 1) / 2) * 15, line, cls, anchor)


def unrolled_svg(grid: Grid, uid: str, max_steps: int = MAX_DRAWN_STEPS) -> str:
    """The unrolled grid: layers bottom to top, steps left to right (explorer.js: unrolledSvg)."""
    svg = Svg()
    bidirectional, num_layers, seq_len = grid.bidirectional, grid.num_layers, grid.seq_len
    directions = 2 if bidirectional else 1
    steps = drawn(seq_len, max_steps, max_steps // 2)
    layer_cap = MAX_DRAWN_BIDIRECTIONAL_LAYERS if bidirectional else MAX_DRAWN_LAYERS
    layers = drawn(num_layers, layer_cap, 1)

    def at(name: str, t: int | str) -> str:
        return f"{name}[:, {t}]" if grid.batch_first else f"{name}[{t}]"

    def step_name(slot: int) -> int:  # after a gap, steps are named from the end: output[-1]
        after_gap = None in steps and slot > steps.index(None)
        return steps[slot] - seq_len if after_gap else steps[slot]

    total = num_layers * directions
    labels = [
        label
        for layer in layers
        if layer is not None
        for d in range(directions)
        for label in state_labels(layer * directions + d, total, directions)
    ]
    state_margin = 36 + max(len(label) for label in labels) * CHAR_W  # the arrow, the labels
    # wide enough for the longest label above a step, output[:, -1] say
    longest_step = max(
        len(at("output", step_name(slot))) for slot, step in enumerate(steps) if step is not None
    )
    col = max(COL, longest_step * CHAR_W + 12)
    left = PAD + (state_margin if bidirectional else 0)
    top = TOP + (24 if bidirectional else 0)  # bidirectional: room for the legend
    block = CELL_H * 2 + PAIR if bidirectional else CELL_H  # one layer's rows
    pitch = block + LAYER_GAP if bidirectional else ROW
    grid_w = (len(steps) - 1) * col + CELL_W
    grid_h = (len(layers) - 1) * pitch + block
    width = left + grid_w + state_margin + PAD
    height = top + grid_h + BOTTOM

    def x_of(slot: int) -> float:
        return left + slot * col

    def y_of(row: int) -> float:  # the top of a drawn layer's block; row 0 is the bottom
        return top + (len(layers) - 1 - row) * pitch

    # The output band: the top layer at every step.
    svg.rect(left - 9, y_of(len(layers) - 1) - 9, grid_w + 18, block + 18, "d-band-output", rx=10)
    if bidirectional:
        legend = f"{at('output', 't')} = [forward; backward] of the top layer"
        svg.text(left - 9, 18, legend, anchor="start")
        for row, layer in enumerate(layers):
            if layer is not None:
                svg.rect(left - 5, y_of(row) - 5, grid_w + 10, block + 10, "d-group", rx=8)
    else:  # h_n and c_n: every layer at the last step
        svg.rect(x_of(len(steps) - 1) - 14, top - 14, CELL_W + 28, grid_h + 28, "d-state", rx=12)

    gap = 5 if bidirectional else 0
    for slot, step in enumerate(steps):
        cx = x_of(slot) + CELL_W / 2
        bottom = top + grid_h
        if step is None:
            svg.text(cx, bottom + 40, ELLIPSIS, "d-label d-ellipsis")
            svg.text(cx, top - 30, ELLIPSIS, "d-label d-ellipsis")
            continue
        # input below, output above
        svg.arrow((cx, bottom + 32), (cx, bottom + gap))
        svg.text(cx, bottom + 48, at("x", step_name(slot)))
        svg.arrow((cx, top - gap), (cx, top - 30), cls="d-arrow-output")
        svg.text(cx, top - 36, at("output", step_name(slot)), "d-label d-label-output")
        for row in range(len(layers) - 1):  # layer k feeds layer k + 1 at the same step
            start, end = (cx, y_of(row) - gap), (cx, y_of(row + 1) + block + gap)
            if layers[row] is None or layers[row + 1] is None:
                svg.path([start, end], "d-line d-line-gap")
            else:
                svg.arrow(start, end)

    for row, layer in enumerate(layers):
        if layer is None:
            for slot in range(len(steps)):
                mid = y_of(row) + block / 2
                svg.text(x_of(slot) + CELL_W / 2, mid + 5, VERTICAL_ELLIPSIS, "d-label d-ellipsis")
            continue
        for direction in range(directions):
            y = y_of(row) + (block - CELL_H if direction == 0 else 0)  # forward row below
            mid = y + CELL_H / 2
            mark = "" if not bidirectional else (" →" if direction == 0 else " ←")
            name = f"layer {layer}{mark}"
            name = f"L{layer}{mark}" if len(name) > 9 else name  # "layer 10 →" overflows a cell
            for slot, step in enumerate(steps):
                if step is None:
                    svg.text(x_of(slot) + CELL_W / 2, mid + 5, ELLIPSIS, "d-label d-ellipsis")
                    continue
                svg.rect(x_of(slot), y, CELL_W, CELL_H, "d-cell")
                svg.text(x_of(slot) + CELL_W / 2, mid + 4, name, "d-cell-text")
            for slot in range(len(steps) - 1):
                a, b = x_of(slot) + CELL_W, x_of(slot + 1)
                if steps[slot] is None:
                    svg.path([(b - 24, mid), (b, mid)], "d-line d-line-gap")
                elif steps[slot + 1] is None:
                    svg.path([(a, mid), (a + 24, mid)], "d-line d-line-gap")
                else:
                    svg.arrow(*([(a, mid), (b, mid)] if direction == 0 else [(b, mid), (a, mid)]))
            labels = state_labels(layer * directions + direction, total, directions)
            if direction == 0:  # the forward direction ends at the last step
                end = x_of(len(steps) - 1) + CELL_W
                if bidirectional:
                    svg.rect(end - CELL_W - 3, y - 3, CELL_W + 6, CELL_H + 6, "d-state", rx=8)
                svg.arrow((end, mid), (end + 26, mid), cls="d-arrow-state")
                state_text(svg, end + 32, mid, labels, "start")
            else:  # the backward direction ends at the FIRST step
                start = x_of(0)
                svg.rect(start - 3, y - 3, CELL_W + 6, CELL_H + 6, "d-state", rx=8)
                svg.arrow((start, mid), (start - 26, mid), cls="d-arrow-state")
                state_text(svg, start - 32, mid, labels, "end")

    title, description = unrolled_text(grid, steps, layers, at)
    return svg.render(width, height, uid, title, description, "unrolled")


def unrolled_text(grid: Grid, steps: list, layers: list, at) -> tuple[str, str]:
    """The grid's accessible title and description (explorer.js: unrolledText)."""
    num_layers, seq_len = grid.num_layers, grid.seq_len
    over = f"{num_layers}-layer LSTM over {plural(seq_len, 'step')}"
    gaps = left_out(steps, "step", ELLIPSIS) + left_out(layers, "layer", VERTICAL_ELLIPSIS)
    inputs = (
        f"the input {at('x', 0)} enters"
        if seq_len == 1
        else f"inputs {at('x', 0)} to {at('x', seq_len - 1)} enter"
    )
    description = (
        f"Layers are drawn bottom to top and steps left to right; {inputs} the bottom layer."
        + (f" Left out to keep the drawing small: {', '.join(gaps)}." if gaps else "")
    )
    if grid.bidirectional:
        title = (
            f"Unrolled bidirectional {over}: each layer has a forward row that ends at the last "
            "step and a backward row that ends at the first step; the top layer is output, both "
            "directions concatenated"
        )
        description += (
            f" {at('output', 't')} is the top layer's forward and backward hidden states at step "
            "t, concatenated. h_n and c_n go layer by layer, forward then backward: h_n[2k] is "
            "layer k forward, h_n[2k + 1] layer k backward. The forward rows end at the last step "
            "(right), the backward rows at the first step (left), so "
            f"h_n[-1] = h_n[{2 * num_layers - 1}] is the top layer's backward state at step 0."
        )
    else:
        title = f"Unrolled {over}: the top row is output, the last column is h_n and c_n"
        description += (
            f" {at('output', 't')} is the top layer's hidden state at step t. h_n[k] and c_n[k] "
            "are layer k's states at the last step, so h_n[0] is the bottom layer and "
            f"h_n[-1] = h_n[{num_layers - 1}] the top one, equal to {at('output', -1)}."
        )
    return title, description


def unrolled_caption(grid: Grid) -> str:
    """The figure's caption on a static page, in Markdown's `code` and **strong**."""
    steps = plural(grid.seq_len, "step")
    if grid.bidirectional:
        return (
            f"Bidirectional, {plural(grid.num_layers, 'layer')}, {steps}. Each layer has a "
            "forward row (→) and a backward row (←). The shaded band is `output`: the top layer "
            "at every step, `[forward; backward]`. Dashed outlines are the final states `h_n` "
            "and `c_n`, numbered layer by layer, forward then backward: the backward direction "
            "ends at the **first** step, so `h_n[-1]` is on the left."
        )
    last = "output[:, -1]" if grid.batch_first else "output[-1]"
    return (
        f"{plural(grid.num_layers, 'layer').capitalize()}, {steps}. The shaded band is `output`: "
        "the top layer at every step. The dashed outline is `h_n` and `c_n`: every layer at "
        f"the last step, bottom layer first, so `h_n[-1]` is the top layer and equals `{last}`."
    )


def cell(uid: str) -> tuple[str, str]:
    """One LSTM step: the gates i, f, g, o between c_{t-1} -> c_t and h_{t-1} -> h_t."""
    svg = Svg()
    c_y, bus_y, gate_y, h_y = 70, 232, 178, 178
    svg.rect(84, 36, 392, 224, "d-group", rx=14)
    # The cell state runs straight through: forget, then add.
    svg.text(14, c_y - 10, "c_{t-1}", "d-label d-label-state", "start")
    svg.path([(14, c_y), (159, c_y)], "d-line-state")
    svg.circle(170, c_y, 11, "d-op")
    svg.text(170, c_y + 5, TIMES, "d-op-text")
    svg.path([(181, c_y), (279, c_y)], "d-line-state")
    svg.circle(290, c_y, 11, "d-op")
    svg.text(290, c_y + 5, "+", "d-op-text")
    svg.arrow((301, c_y), (546, c_y), cls="d-arrow-state")
    svg.text(546, c_y - 10, "c_t", "d-label d-label-state", "end")
    # h_{t-1} and x_t meet on a bus under the gates.
    svg.text(14, bus_y - 10, "h_{t-1}", "d-label", "start")
    svg.path([(14, bus_y), (370, bus_y)])
    svg.arrow((120, 290), (120, bus_y), cls="d-arrow")
    svg.text(120, 306, "x_t", "d-label")
    gates = [("f", SIGMA, 170), ("i", SIGMA, 230), ("g", "tanh", 290), ("o", SIGMA, 370)]
    for name, activation, x in gates:
        svg.path([(x, bus_y), (x, gate_y + 17)])
        svg.rect(x - 24, gate_y - 17, 48, 34, "d-gate", rx=6)
        svg.text(x, gate_y - 1, name, "d-label d-gate-name")
        svg.text(x, gate_y + 12, activation, "d-gate-text")
    svg.arrow((170, gate_y - 17), (170, c_y + 11))  # f * c_{t-1}
    svg.circle(290, 122, 11, "d-op")  # i * g
    svg.text(290, 127, TIMES, "d-op-text")
    svg.arrow((230, gate_y - 17), (230, 122), (279, 122))
    svg.arrow((290, gate_y - 17), (290, 133))
    svg.arrow((290, 111), (290, c_y + 11))
    # h_t = o * tanh(c_t)
    svg.path([(432, c_y), (432, 100)], "d-line-state")
    svg.rect(410, 100, 44, 24, "d-gate", rx=6)
    svg.text(432, 116, "tanh", "d-gate-text")
    svg.arrow((432, 124), (432, h_y - 11))
    svg.circle(432, h_y, 11, "d-op")
    svg.text(432, h_y + 5, TIMES, "d-op-text")
    svg.arrow((370 + 24, h_y), (421, h_y))
    svg.arrow((443, h_y), (546, h_y), cls="d-arrow-output")
    svg.text(546, h_y - 10, "h_t", "d-label d-label-output", "end")
    svg.text(300, 286, "c_t = f * c_{t-1} + i * g", "d-label", "start")
    svg.text(300, 306, "h_t = o * tanh(c_t)", "d-label", "start")

    title = (
        "One LSTM step: gates i, f, g and o are computed from x_t and h_{t-1}; "
        "c_t = f * c_{t-1} + i * g and h_t = o * tanh(c_t)"
    )
    description = (
        "The cell state c_{t-1} runs along the top: it is multiplied by the forget gate f, then "
        "i * g is added, giving c_t. Below, x_t and h_{t-1} feed the four gates: i, f and o "
        "through a sigmoid, g through tanh. The output gate o multiplies tanh(c_t) to give h_t, "
        "which is both the step's output and the next step's h_{t-1}."
    )
    caption = (
        "One step of one layer. The cell state runs along the top, "
        "`c_t = f * c_{t-1} + i * g`, and is never squashed; the hidden state is "
        "`h_t = o * tanh(c_t)`. `output` is made of the `h_t`; `c_n` is the last `c_t`."
    )
    return svg.render(560, 318, uid, title, description, "cell"), caption


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
        svg, caption = cell(uid)
    else:
        grid = Grid(**params)
        svg, caption = unrolled_svg(grid, uid), unrolled_caption(grid)
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
        except DiagramError as error:
            where = f"docs/{page.file.src_path}:{source_line(page, line, number + 1)}"
            raise PluginError(f"{where}: {line.strip()}: {error}") from error
        lines[number] = f"\n{html}\n"
    return "\n".join(lines)
