"""The diagram hook and the one renderer it runs (docs/assets/diagrams.js, also the explorer's):
markers become accessible, well-formed SVG with the right labels."""

import inspect
import itertools
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from lstm_site import diagrams

SVG = "{http://www.w3.org/2000/svg}"


def page(src_path: str = "output-vs-state.md"):
    return SimpleNamespace(file=SimpleNamespace(src_path=src_path))


def hook(markdown: str, page) -> str:
    """The hook called as MkDocs calls it: everything after the Markdown by keyword."""
    return diagrams.on_page_markdown(markdown, page=page, config={}, files=None)


def render(marker: str, src_path: str = "output-vs-state.md") -> str:
    return hook(f"# Title\n\nSome text.\n\n{marker}\n\nMore text.\n", page(src_path))


def figure_of(marker: str) -> ET.Element:
    """The page's one figure, parsed as XML (which fails on anything not well-formed)."""
    html = render(marker)
    start, end = html.index("<figure"), html.index("</figure>") + len("</figure>")
    assert html[start - 2 : start] == "\n\n", "the figure must be its own HTML block"
    return ET.fromstring(html[start:end])


def texts(svg: ET.Element) -> list[str]:
    return [element.text for element in svg.iter(f"{SVG}text")]


def text_at(svg: ET.Element, content: str) -> tuple[float, float]:
    for element in svg.iter(f"{SVG}text"):
        if element.text == content:
            return float(element.get("x")), float(element.get("y"))
    raise AssertionError(f"no label {content!r} in {texts(svg)}")


MARKERS = [
    "<!-- diagram: unrolled num_layers=2 seq_len=4 -->",
    "<!-- diagram: unrolled num_layers=1 seq_len=4 -->",
    "<!-- diagram: unrolled num_layers=2 seq_len=4 bidirectional -->",
    "<!-- diagram: unrolled num_layers=3 seq_len=1 bidirectional -->",
    "<!-- diagram: unrolled num_layers=12 seq_len=30 bidirectional batch_first -->",
    "<!-- diagram: cell -->",
]


@pytest.mark.parametrize("marker", MARKERS)
def test_marker_becomes_an_accessible_figure(marker):
    figure = figure_of(marker)
    assert figure.tag == "figure" and "diagram" in figure.get("class").split()
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    assert svg.get("role") == "img"
    assert svg.get("viewBox").startswith("0 0 ")
    assert svg.get("width") == "100%" and "max-width" in svg.get("style")
    title = svg.find(f"{SVG}title")
    assert title is not None and len(title.text) > 40, "the title is a real description"
    assert svg.get("aria-labelledby") == title.get("id")
    description = svg.find(f"{SVG}desc")
    assert svg.get("aria-describedby") == description.get("id") and description.text
    caption = figure.find("figcaption")
    assert caption is not None and "".join(caption.itertext()).strip()
    # Colours come from the stylesheet; the only colour written in the SVG is currentColor.
    for element in svg.iter():
        for name in ("fill", "stroke"):
            assert element.get(name) in (None, "none", "currentColor"), element.attrib


def test_marker_is_replaced_and_the_rest_kept():
    html = render("<!-- diagram: cell -->")
    assert "<!-- diagram" not in html
    assert html.startswith("# Title\n\nSome text.\n") and html.endswith("\nMore text.\n")


def test_unrolled_labels_output_and_states():
    svg = figure_of("<!-- diagram: unrolled num_layers=2 seq_len=4 -->").find(f"{SVG}svg")
    labels = texts(svg)
    assert [f"output[{t}]" for t in range(4)] == [x for x in labels if x.startswith("output[")]
    assert [f"x[{t}]" for t in range(4)] == [x for x in labels if x.startswith("x[")]
    states = [x for x in labels if x.lstrip("= ").startswith(("h_n", "c_n"))]
    assert states == ["h_n[0]", "c_n[0]", "h_n[1]", "= h_n[-1]", "c_n[1]", "= c_n[-1]"]
    # h_n[-1] is the top layer: its label is above layer 0's (SVG y grows downwards)
    assert text_at(svg, "= h_n[-1]")[1] < text_at(svg, "h_n[0]")[1]
    assert text_at(svg, "h_n[1]")[1] < text_at(svg, "= h_n[-1]")[1] < text_at(svg, "c_n[1]")[1]
    # ...and sits right of the last step
    assert text_at(svg, "h_n[0]")[0] > text_at(svg, "output[3]")[0]
    assert "output" in svg.find(f"{SVG}title").text and "h_n" in svg.find(f"{SVG}title").text
    assert len([x for x in labels if x == "layer 1"]) == 4


def test_one_layer_is_both_h_n_0_and_h_n_minus_1():
    labels = texts(figure_of("<!-- diagram: unrolled num_layers=1 seq_len=4 -->"))
    assert "h_n[0]" in labels and "= h_n[-1]" in labels and "= c_n[-1]" in labels
    assert "Unrolled 1-layer LSTM over 4 steps" in "".join(
        figure_of("<!-- diagram: unrolled num_layers=1 seq_len=4 -->").itertext()
    )


def test_bidirectional_backward_state_is_at_the_first_step():
    svg = figure_of("<!-- diagram: unrolled num_layers=2 seq_len=4 bidirectional -->")
    svg = svg.find(f"{SVG}svg")
    first_step, last_step = text_at(svg, "x[0]")[0], text_at(svg, "x[3]")[0]
    # PyTorch's order: layer-major, forward then backward
    forward = ["h_n[0]", "c_n[0]", "h_n[2]", "= h_n[-2]", "c_n[2]"]
    backward = ["h_n[1]", "c_n[1]", "h_n[3]", "= h_n[-1]", "= c_n[-1]"]
    for label in forward:
        assert text_at(svg, label)[0] > last_step, f"{label} belongs right of the last step"
    for label in backward:
        assert text_at(svg, label)[0] < first_step, f"{label} belongs left of the first step"
    # rows bottom to top: h_n[0] (layer 0 forward) lowest, h_n[3] (layer 1 backward) highest
    heights = [text_at(svg, label)[1] for label in ["h_n[0]", "h_n[1]", "h_n[2]", "h_n[3]"]]
    assert heights == sorted(heights, reverse=True)
    labels = texts(svg)
    assert "output[t] = [forward; backward] of the top layer" in labels
    assert labels.count("layer 0 ←") == 4 and labels.count("layer 1 →") == 4


def test_cell_names_the_gates_and_states_as_the_code_does():
    labels = texts(figure_of("<!-- diagram: cell -->").find(f"{SVG}svg"))
    for name in ("i", "f", "g", "o", "c_{t-1}", "c_t", "h_{t-1}", "h_t", "x_t"):
        assert name in labels
    assert "c_t = f * c_{t-1} + i * g" in labels
    assert "h_t = o * tanh(c_t)" in labels


def test_ids_are_unique_on_a_page():
    markdown = "\n\n".join(MARKERS)
    html = hook(markdown, page())
    ids = [element.get("id") for element in ET.fromstring(f"<div>{html}</div>").iter()]
    ids = [i for i in ids if i]
    assert len(ids) == 2 * len(MARKERS) and len(set(ids)) == len(ids)


def test_the_error_gives_the_line_in_the_file_front_matter_included():
    source = "---\ntitle: T\n---\n\n# T\n\n<!-- diagram: nope -->\n"
    file = SimpleNamespace(src_path="index.md", content_string=source)
    markdown = source.split("---\n", 2)[2]  # what MkDocs hands the hook
    with pytest.raises(PluginError, match=r"^docs/index.md:7: <!-- diagram: nope -->"):
        hook(markdown, SimpleNamespace(file=file))


def test_a_marker_inside_a_code_block_is_left_alone():
    markdown = "```text\n<!-- diagram: nonsense -->\n```\n"
    assert hook(markdown, page()) == markdown


@pytest.mark.parametrize(
    ("marker", "reason"),
    [
        ("<!-- diagram: spiral -->", "unknown diagram 'spiral'"),
        ("<!-- diagram: -->", "names no diagram"),
        ("<!-- diagram unrolled num_layers=2 seq_len=4 -->", "<!-- diagram: NAME"),
        ("<!-- diagram: unrolled num_layers=2 -->", "needs seq_len"),
        ("<!-- diagram: unrolled num_layers=two seq_len=4 -->", "num_layers must be a whole"),
        ("<!-- diagram: unrolled num_layers=0 seq_len=4 -->", "from 1 to 100,"),
        ("<!-- diagram: unrolled num_layers=101 seq_len=4 -->", "from 1 to 100,"),
        ("<!-- diagram: unrolled num_layers=2 seq_len=0 -->", "seq_len must be"),
        ("<!-- diagram: unrolled num_layers=2 seq_len=100001 -->", "from 1 to 100000"),
        ("<!-- diagram: unrolled num_layers=2 seq_len=4 hidden_size=3 -->", "unknown parameter"),
        ("<!-- diagram: unrolled num_layers=2 seq_len=4 bidirectional=yes -->", "a flag"),
        ("<!-- diagram: unrolled num_layers=2 seq_len=4 batch_first=1 -->", "a flag"),
        ("<!-- diagram: unrolled num_layers=2 num_layers=3 seq_len=4 -->", "twice"),
        ("<!-- diagram: cell num_layers=2 -->", "no parameters"),
    ],
)
def test_bad_marker_fails_the_build_naming_page_and_marker(marker, reason):
    with pytest.raises(PluginError) as error:
        render(marker, "stacked-layers.md")
    message = str(error.value)
    assert message.startswith("docs/stacked-layers.md:5: "), message
    assert marker in message and reason in message


def test_the_hook_takes_its_arguments_by_keyword_as_mkdocs_passes_them():
    parameters = inspect.signature(diagrams.on_page_markdown).parameters
    kinds = {name: parameter.kind for name, parameter in parameters.items()}
    keyword = inspect.Parameter.KEYWORD_ONLY
    assert kinds == {
        "markdown": inspect.Parameter.POSITIONAL_OR_KEYWORD,
        "page": keyword,
        "config": keyword,
        "files": keyword,
    }
    with pytest.raises(TypeError):
        diagrams.on_page_markdown("text", page(), {}, None)


def test_a_long_grid_leaves_the_middle_out_and_names_the_last_steps_from_the_end():
    svg = figure_of("<!-- diagram: unrolled num_layers=12 seq_len=30 -->").find(f"{SVG}svg")
    labels = texts(svg)
    steps = [x for x in labels if x.startswith("output[")]
    assert steps == ["output[0]", "output[1]", "output[2]", "output[-2]", "output[-1]"]
    assert [x for x in labels if x.startswith("x[")] == ["x[0]", "x[1]", "x[2]", "x[-2]", "x[-1]"]
    # layers 0, a gap, 10 and 11: h_n[-1] is still the top layer's, at the top
    states = [x for x in labels if x.lstrip("= ").startswith("h_n")]
    assert states == ["h_n[0]", "h_n[10]", "h_n[11]", "= h_n[-1]"]
    assert text_at(svg, "h_n[11]")[1] < text_at(svg, "h_n[10]")[1] < text_at(svg, "h_n[0]")[1]
    assert labels.count("layer 11") == 5 and "layer 5" not in labels
    assert "\u22ef" in labels and "\u22ee" in labels  # the gaps in the steps and in the layers
    assert len(list(svg.iter(f"{SVG}rect"))) < 40, "a long grid stays a small drawing"
    description = svg.find(f"{SVG}desc").text
    assert "steps 3 to 27 (\u22ef), layers 1 to 9 (\u22ee)" in description


def test_bidirectional_cells_past_layer_9_are_labelled_short():
    svg = figure_of("<!-- diagram: unrolled num_layers=12 seq_len=2 bidirectional -->")
    labels = texts(svg.find(f"{SVG}svg"))
    assert labels.count("layer 0 \u2192") == 2 and labels.count("L11 \u2190") == 2
    assert "h_n[23]" in labels and "= h_n[-1]" in labels


def test_batch_first_names_the_steps_by_the_second_dimension():
    svg = figure_of("<!-- diagram: unrolled num_layers=2 seq_len=3 batch_first -->")
    labels = texts(svg.find(f"{SVG}svg"))
    assert [x for x in labels if x.startswith("output")] == [f"output[:, {t}]" for t in range(3)]
    assert "equals <code>output[:, -1]</code>" in ET.tostring(svg.find("figcaption"), "unicode")


def test_the_explorer_s_own_options_draw_with_the_same_renderer():
    """Unbatched input has no batch dimension for batch_first to move, so steps stay output[t];
    a phone's narrower drawing keeps 4 steps: the first 2, a gap, the last."""
    config = dict(num_layers=2, seq_len=9, bidirectional=False, batch_first=True, batch=None)
    svg = ET.fromstring(diagrams.draw("lstmUnrolledSvg", config, "explorer", 4))
    labels = texts(svg)
    assert [x for x in labels if x.startswith("output")] == ["output[0]", "output[1]", "output[-1]"]
    assert "steps 2 to 7 (\u22ef)" in svg.find(f"{SVG}desc").text


@pytest.mark.parametrize("bidirectional", [False, True])
def test_every_small_grid_draws_each_cell_once_and_no_undefined_value(bidirectional):
    """Past the drawing caps too; JavaScript writes a missing value as NaN or undefined."""
    flags = " bidirectional" if bidirectional else ""
    for num_layers, seq_len in [*itertools.product(range(1, 6), range(1, 9)), (100, 100_000)]:
        marker = f"<!-- diagram: unrolled num_layers={num_layers} seq_len={seq_len}{flags} -->"
        html = render(marker)
        assert "NaN" not in html and "undefined" not in html, marker
        svg = figure_of(marker).find(f"{SVG}svg")
        cells = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "d-cell"]
        drawn_layers = min(num_layers, 3 if bidirectional else 4) - (num_layers > 4 - bidirectional)
        drawn_steps = min(seq_len, 6) - (seq_len > 6)
        assert len(cells) == drawn_layers * drawn_steps * (1 + bidirectional), marker
        boxes = {(rect.get("x"), rect.get("y")) for rect in cells}
        assert len(boxes) == len(cells), f"{marker}: two cells drawn at one place"


def test_a_renderer_error_names_the_page_and_the_renderer_s_line(monkeypatch, tmp_path):
    broken = tmp_path / "diagrams.js"
    broken.write_text("globalThis.lstmCellSvg = (uid) => {\n  return uid.missing.name;\n};\n")
    monkeypatch.setattr(diagrams, "RENDERER", broken)
    with pytest.raises(PluginError) as error:
        render("<!-- diagram: cell -->", "stacked-layers.md")
    message = str(error.value)
    assert message.startswith("docs/stacked-layers.md:5: <!-- diagram: cell -->: "), message
    assert "diagrams.js:2: TypeError: Cannot read properties of undefined" in message
