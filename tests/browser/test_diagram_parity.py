"""The unrolled grid is drawn by two renderers; this test holds them equal.

lstm_site/diagrams.py draws it at build time for the static pages, docs/assets/explorer.js draws
it in the browser for the explorer (why two, not one: see the docstring of lstm_site/diagrams.py).
Every configuration below is rendered by both: the hook in this process, the explorer's
`window.lstmUnrolledSvg` in Chromium on the built explorer page. The two SVGs must have the same
cells, labels, highlighted regions, arrows, title and description, at the same positions.
"""

import itertools
import xml.etree.ElementTree as ET

import pytest

from lstm_site import diagrams

SVG = "{http://www.w3.org/2000/svg}"
UID = "parity"
REGIONS = {"d-band-output", "d-state", "d-group"}  # output band, h_n / c_n outlines, layer groups

# Every small grid, past the drawing caps too (the explorer draws at most 6 steps, 4 layers, or
# 3 bidirectional layers, and leaves the rest out with a gap), and two far past them.
SIZES = [*itertools.product(range(1, 6), range(1, 9)), (12, 30), (100, 100_000)]
# (batch_first, unbatched, max_steps): the explorer's default; batch_first, which names steps
# output[:, t]; unbatched, where batch_first changes nothing; a phone's narrower drawing.
VARIANTS = [(False, False, 6), (True, False, 6), (True, True, 6), (False, False, 4)]
CASES = [
    dict(
        num_layers=layers,
        seq_len=steps,
        bidirectional=bidirectional,
        batch_first=batch_first,
        unbatched=unbatched,
        max_steps=max_steps,
    )
    for (layers, steps), bidirectional, (batch_first, unbatched, max_steps) in itertools.product(
        SIZES, [False, True], VARIANTS
    )
]


def case_id(case: dict) -> str:
    return "{num_layers}x{seq_len}{bidi}{bf}{unb}-max{max_steps}".format(
        **case,
        bidi="-bidi" if case["bidirectional"] else "",
        bf="-batch_first" if case["batch_first"] else "",
        unb="-unbatched" if case["unbatched"] else "",
    )


def js_config(case: dict) -> dict:
    """The explorer's configuration object; sizes that do not change the drawing are fixed."""
    return dict(
        input_size=10,
        hidden_size=20,
        proj_size=0,
        num_layers=case["num_layers"],
        bidirectional=case["bidirectional"],
        batch_first=case["batch_first"],
        batch=None if case["unbatched"] else 3,
        seq_len=case["seq_len"],
    )


def python_svg(case: dict) -> str:
    grid = diagrams.Grid(
        num_layers=case["num_layers"],
        seq_len=case["seq_len"],
        bidirectional=case["bidirectional"],
        # batch_first names the steps output[:, t] only when there is a batch dimension
        batch_first=case["batch_first"] and not case["unbatched"],
    )
    return diagrams.unrolled_svg(grid, UID, max_steps=case["max_steps"])


@pytest.fixture(scope="module")
def js_svgs(browser, site_url) -> dict[str, str]:
    """Every case drawn by the explorer's JavaScript on the built explorer page, by case id."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{site_url}explorer/", wait_until="load")
    page.wait_for_function("typeof window.lstmUnrolledSvg === 'function'")
    drawn = page.evaluate(
        "([cases, uid]) => cases.map(([config, maxSteps]) =>"
        " window.lstmUnrolledSvg(config, uid, maxSteps))",
        [[[js_config(case), case["max_steps"]] for case in CASES], UID],
    )
    context.close()
    assert not errors, errors
    return {case_id(case): svg for case, svg in zip(CASES, drawn, strict=True)}


def parse(markup: str) -> ET.Element:
    svg = ET.fromstring(markup)
    assert svg.tag == f"{SVG}svg", markup[:80]
    return svg


def elements(svg: ET.Element) -> list[tuple]:
    """Every drawn element in order: (tag, attributes, text)."""
    return [
        (element.tag.removeprefix(SVG), dict(element.attrib), element.text)
        for element in svg.iter()
        if element is not svg
    ]


def structure(svg: ET.Element) -> dict[str, list]:
    """The parts a reader sees, each as a list a failure message can show."""
    found = {"cells": [], "labels": [], "regions": [], "lines": [], "other": []}
    for tag, attributes, text in elements(svg):
        classes = attributes.get("class", "")
        box = tuple(attributes.get(name) for name in ("x", "y", "width", "height", "rx"))
        if tag == "rect" and classes == "d-cell":
            found["cells"].append(box[:4])
        elif tag == "rect" and classes in REGIONS:
            found["regions"].append((classes, *box))
        elif tag == "text":
            where = (attributes["x"], attributes["y"], attributes["text-anchor"])
            found["labels"].append((text, classes, *where))
        elif tag == "path":
            found["lines"].append((classes, attributes["d"]))
        elif tag not in ("title", "desc"):
            found["other"].append((tag, attributes))
    found["title"] = [svg.find(f"{SVG}title").text]
    found["description"] = [svg.find(f"{SVG}desc").text]
    found["svg"] = [dict(svg.attrib)]
    return found


def difference(python: list, js: list) -> str:
    only_python = [item for item in python if item not in js]
    only_js = [item for item in js if item not in python]
    return (
        f"{len(python)} in Python, {len(js)} in JS\n"
        f"  only in Python: {only_python[:4]}\n  only in JS:     {only_js[:4]}"
    )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_hook_and_the_explorer_draw_the_same_grid(case, js_svgs):
    python, js = parse(python_svg(case)), parse(js_svgs[case_id(case)])
    python_parts, js_parts = structure(python), structure(js)
    differing = [part for part in python_parts if python_parts[part] != js_parts[part]]
    assert not differing, "\n".join(
        f"{part} differ: {difference(python_parts[part], js_parts[part])}" for part in differing
    )
    # Everything else too: the same elements, in the same order, with the same attributes.
    assert elements(python) == elements(js)


def test_the_grid_covers_the_drawing_caps():
    """The cases include grids drawn whole and grids drawn with gaps, in both renderers' caps."""
    gapped = [case for case in CASES if "d-ellipsis" in python_svg(case)]
    whole = [case for case in CASES if "d-ellipsis" not in python_svg(case)]
    assert len(gapped) > 100 and len(whole) > 100, (len(gapped), len(whole))
    assert {case["num_layers"] for case in whole} >= {1, 2, 3, 4}
    assert {case["seq_len"] for case in whole} >= set(range(1, 7))
