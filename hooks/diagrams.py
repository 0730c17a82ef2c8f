"""Inline SVG diagrams, drawn at build time.

A Markdown line holding only a marker is replaced by a `<figure class="diagram">` with an inline
SVG and a caption:

    <!-- diagram: unrolled num_layers=2 seq_len=4 -->
    <!-- diagram: unrolled num_layers=2 seq_len=4 bidirectional -->
    <!-- diagram: cell -->

Colours come from classes styled in docs/assets/extra.css with Material's CSS variables, so the
diagrams follow the light and the dark scheme; the presentation attributes (`currentColor`) are
only a fallback. docs/assets/explorer.js draws the same unrolled grid in the browser, with the
same geometry and classes: change both together.
"""

import re
from html import escape

from mkdocs.exceptions import PluginError

from fences import find_fences

MARKER = re.compile(r"^[ \t]*<!--\s*diagram\b(?P<body>.*?)-->[ \t]*$")
MAX_LAYERS, MAX_STEPS = 4, 6
TIMES, SIGMA = "\u00d7", "\u03c3"  # the multiplication sign and the sigmoid's sigma

# Geometry of the unrolled grid, shared with docs/assets/explorer.js.
CELL_W, CELL_H = 76, 34
COL = 104  # horizontal pitch of the time steps
ROW = 72  # vertical pitch of the layers (one direction)
PAIR = 12  # gap between the forward and the backward row of a layer
LAYER_GAP = 40  # gap between two layers (bidirectional)
PAD = 14  # outer margin
CHAR_W = 7.9  # width of a 13px monospace character
MIN_SCALE = 0.6  # a narrower screen scrolls the figure rather than shrink its text further
TOP = 64  # room above the top row for the output labels
BOTTOM = 56  # room below the bottom row for the inputs


class DiagramError(ValueError):
    """A marker that names no diagram, or a parameter that does not fit it."""


def fmt(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


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


def unrolled(num_layers: int, seq_len: int, bidirectional: bool, uid: str) -> tuple[str, str]:
    """The unrolled grid: layers bottom to top, steps left to right. Returns (svg, caption)."""
    svg = Svg()
    directions = 2 if bidirectional else 1
    total = num_layers * directions
    longest = max(len(label) for k in range(total) for label in state_labels(k, total, directions))
    state_margin = 36 + longest * CHAR_W  # the arrow, then the h_n / c_n labels
    left = PAD + (state_margin if bidirectional else 0)
    legend = 24 if bidirectional else 0
    top = TOP + legend
    block = CELL_H * 2 + PAIR if bidirectional else CELL_H  # one layer's rows
    pitch = block + LAYER_GAP if bidirectional else ROW
    grid_w = (seq_len - 1) * COL + CELL_W
    grid_h = (num_layers - 1) * pitch + block
    width = left + grid_w + state_margin + PAD
    height = top + grid_h + BOTTOM

    def x_of(t: int) -> float:
        return left + t * COL

    def y_of(layer: int) -> float:  # top of the layer's block
        return top + (num_layers - 1 - layer) * pitch

    # The output band: the top layer at every step.
    svg.rect(left - 9, y_of(num_layers - 1) - 9, grid_w + 18, block + 18, "d-band-output", rx=10)
    if bidirectional:
        svg.text(left - 9, 18, "output[t] = [forward; backward] of the top layer", anchor="start")
        for layer in range(num_layers):
            svg.rect(left - 5, y_of(layer) - 5, grid_w + 10, block + 10, "d-group", rx=8)
    else:  # h_n and c_n: every layer at the last step
        svg.rect(x_of(seq_len - 1) - 14, top - 14, CELL_W + 28, grid_h + 28, "d-state", rx=12)

    for t in range(seq_len):
        cx = x_of(t) + CELL_W / 2
        # input below, output above
        bottom = top + grid_h
        svg.arrow((cx, bottom + 32), (cx, bottom + (5 if bidirectional else 0)))
        svg.text(cx, bottom + 48, f"x[{t}]")
        svg.arrow((cx, top - (5 if bidirectional else 0)), (cx, top - 30), cls="d-arrow-output")
        svg.text(cx, top - 36, f"output[{t}]", "d-label d-label-output")
        for layer in range(num_layers - 1):  # layer k feeds layer k + 1 at the same step
            gap = 5 if bidirectional else 0
            svg.arrow((cx, y_of(layer) - gap), (cx, y_of(layer + 1) + block + gap))

    for layer in range(num_layers):
        for direction in range(directions):
            y = y_of(layer) + (block - CELL_H if direction == 0 else 0)  # forward row below
            mid = y + CELL_H / 2
            arrow = "" if not bidirectional else (" →" if direction == 0 else " ←")
            for t in range(seq_len):
                svg.rect(x_of(t), y, CELL_W, CELL_H, "d-cell")
                svg.text(x_of(t) + CELL_W / 2, mid + 4, f"layer {layer}{arrow}", "d-cell-text")
            for t in range(seq_len - 1):
                a, b = x_of(t) + CELL_W, x_of(t + 1)
                svg.arrow(*([(a, mid), (b, mid)] if direction == 0 else [(b, mid), (a, mid)]))
            index = layer * directions + direction
            labels = state_labels(index, total, directions)
            if direction == 0:  # the forward direction ends at the last step
                end = x_of(seq_len - 1) + CELL_W
                if bidirectional:
                    svg.rect(end - CELL_W - 3, y - 3, CELL_W + 6, CELL_H + 6, "d-state", rx=8)
                svg.arrow((end, mid), (end + 26, mid), cls="d-arrow-state")
                state_text(svg, end + 32, mid, labels, "start")
            else:  # the backward direction ends at the FIRST step
                start = x_of(0)
                svg.rect(start - 3, y - 3, CELL_W + 6, CELL_H + 6, "d-state", rx=8)
                svg.arrow((start, mid), (start - 26, mid), cls="d-arrow-state")
                state_text(svg, start - 32, mid, labels, "end")

    layers = f"{num_layers}-layer"
    steps = plural(seq_len, "step")
    if bidirectional:
        title = (
            f"Unrolled bidirectional {layers} LSTM over {steps}: each layer has a forward row "
            "that ends at the last step and a backward row that ends at the first step; the top "
            "layer is output, both directions concatenated"
        )
        rows = ", ".join(
            f"h_n[{2 * k + d}] is layer {k} {'backward' if d else 'forward'}"
            for k in range(num_layers)
            for d in range(2)
        )
        description = (
            f"Layers are drawn bottom to top and steps left to right, inputs x[0] to "
            f"x[{seq_len - 1}] enter at the bottom. {rows}. The forward rows' final states are "
            "at the last step (right), the backward rows' final states at the first step "
            "(left), so h_n[-1] is the top layer's backward state at step 0."
        )
        caption = (
            f"Bidirectional, {plural(num_layers, 'layer')}, {steps}. Each layer has a forward row "
            "(→) and a backward row (←). The shaded band is `output`: the top layer at every "
            "step, `[forward; backward]`. Dashed outlines are the final states `h_n` and `c_n`, "
            "numbered layer by layer, forward then backward: the backward direction ends at the "
            "**first** step, so `h_n[-1]` is on the left."
        )
    else:
        title = (
            f"Unrolled {layers} LSTM over {steps}: the top row is output, the last column is "
            "h_n and c_n"
        )
        description = (
            f"Layers are drawn bottom to top and steps left to right; inputs x[0] to "
            f"x[{seq_len - 1}] enter the bottom layer. output[t] is the top layer's hidden state "
            f"at step t. h_n[k] and c_n[k] are layer k's states at the last step, so h_n[0] is "
            f"the bottom layer and h_n[-1] the top one, equal to output[-1]."
        )
        caption = (
            f"{plural(num_layers, 'layer').capitalize()}, {steps}. The shaded band is `output`: "
            "the top layer at every step. The dashed outline is `h_n` and `c_n`: every layer at "
            "the last step, bottom layer first, so `h_n[-1]` is the top layer and equals "
            "`output[-1]`."
        )
    return svg.render(width, height, uid, title, description, "unrolled"), caption


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
        unknown = set(params) - {"num_layers", "seq_len", "bidirectional"}
        if unknown:
            raise DiagramError(
                f"unknown parameter {', '.join(sorted(unknown))} "
                "(unrolled takes num_layers=N seq_len=N [bidirectional])"
            )
        for key in ("num_layers", "seq_len"):
            if params.get(key) is None:
                raise DiagramError(f"unrolled needs {key}=N")
        if "bidirectional" in params and params["bidirectional"] is not None:
            raise DiagramError("bidirectional is a flag: write it alone, without =")
        return kind, {
            "num_layers": integer("num_layers", params["num_layers"], 1, MAX_LAYERS),
            "seq_len": integer("seq_len", params["seq_len"], 1, MAX_STEPS),
            "bidirectional": "bidirectional" in params,
        }
    raise DiagramError(f"unknown diagram {kind!r} (known: unrolled, cell)")


def figure(body: str, uid: str) -> str:
    """The `<figure>` for a marker's body, on one line so Markdown passes it through as HTML."""
    kind, params = parse(body)
    svg, caption = cell(uid) if kind == "cell" else unrolled(**params, uid=uid)
    caption = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(caption, quote=False))
    caption = re.sub(r"`([^`]+)`", r"<code>\1</code>", caption)
    return (
        f'<figure class="diagram diagram-{kind}">{svg}<figcaption>{caption}</figcaption></figure>'
    )


def source_line(page, line: str, fallback: int) -> int:
    """The marker's line in the file itself (MkDocs has taken any front matter off `markdown`)."""
    try:
        return page.file.content_string.split("\n").index(line) + 1
    except (AttributeError, OSError, ValueError):
        return fallback


def on_page_markdown(markdown, page, config, files):
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
