"""The shape explorer (docs/explorer.md) in a real browser, checked against torch itself.

The page computes every shape in JavaScript; here torch builds and runs each configuration, with
the h_0 and c_0 shapes the page gives (so torch also proves those right), and the results must
match. Screenshots for a human: `make screenshots PAGES=explorer/`.
"""

import itertools
import warnings
from urllib.parse import parse_qs, urlparse

import pytest
import torch
from torch import nn

TENSORS = ["input", "h_0", "c_0", "output", "h_n", "c_n"]
NUMBER_FIELDS = ["input_size", "hidden_size", "num_layers", "proj_size", "seq_len", "batch"]
FLAG_FIELDS = ["bidirectional", "batch_first", "unbatched"]
DEFAULTS = dict(
    input_size=10,
    hidden_size=20,
    num_layers=2,
    bidirectional=False,
    batch_first=False,
    proj_size=0,
    batch=3,
    seq_len=5,
)


def configurations() -> list[dict]:
    """Every combination of the options, with small sizes: a few hundred configurations."""
    grid = itertools.product(
        [(1, 3), (5, 4)],  # (input_size, hidden_size)
        [1, 2, 3],  # num_layers
        [False, True],  # bidirectional
        [False, True],  # batch_first
        [False, True],  # with a projection
        [None, 1, 3],  # batch (None: unbatched)
        [1, 4],  # seq_len
    )
    return [
        dict(
            input_size=input_size,
            hidden_size=hidden_size,
            num_layers=num_layers,
            bidirectional=bidirectional,
            batch_first=batch_first,
            proj_size=hidden_size - 1 if projected else 0,
            batch=batch,
            seq_len=seq_len,
        )
        for (
            input_size,
            hidden_size,
        ), num_layers, bidirectional, batch_first, projected, batch, seq_len in grid
    ]


def expected_input(config: dict) -> tuple:
    """The input shape as the nn.LSTM documentation defines it."""
    seq_len, batch, input_size = config["seq_len"], config["batch"], config["input_size"]
    if batch is None:
        return (seq_len, input_size)
    return (batch, seq_len, input_size) if config["batch_first"] else (seq_len, batch, input_size)


def make_lstm(config: dict) -> nn.LSTM:
    return nn.LSTM(
        config["input_size"],
        config["hidden_size"],
        num_layers=config["num_layers"],
        bidirectional=config["bidirectional"],
        batch_first=config["batch_first"],
        proj_size=config["proj_size"],
    )


def torch_run(config: dict, page_shapes: dict) -> dict:
    """Run torch on the input and the initial states shaped as the page says; return all shapes."""
    lstm = make_lstm(config)
    x = torch.zeros(page_shapes["input"])
    h_0, c_0 = torch.zeros(page_shapes["h_0"]), torch.zeros(page_shapes["c_0"])
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "LSTM with projections is not supported with oneDNN"
        output, (h_n, c_n) = lstm(x, (h_0, c_0))
    shapes = dict(input=x, h_0=h_0, c_0=c_0, output=output, h_n=h_n, c_n=c_n)
    return {name: list(tensor.shape) for name, tensor in shapes.items()}


def parameter_shapes(config: dict) -> list:
    return [[name, list(p.shape)] for name, p in make_lstm(config).named_parameters()]


@pytest.fixture
def one_thread():
    """torch on one thread: on a busy machine its thread pool makes each tiny run far slower."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def open_explorer(watched_page, site_url: str, query: str = ""):
    page = watched_page.page
    page.goto(f"{site_url}explorer/{query}", wait_until="load")
    page.wait_for_function("document.getElementById('lstm-explorer')?.dataset.ready === 'true'")
    return page


def test_every_configuration_matches_torch(watched_page, site_url, one_thread):
    page = open_explorer(watched_page, site_url)
    configs = configurations()
    assert len(configs) >= 250
    results = page.evaluate(
        "configs => configs.map(c => [window.lstmShapes(c), window.lstmWeightShapes(c)])", configs
    )
    torch.manual_seed(0)
    for config, (shapes, weights) in zip(configs, results, strict=True):
        assert "error" not in shapes, (config, shapes)
        assert tuple(shapes["input"]) == expected_input(config), config
        actual = torch_run(config, shapes)  # raises if the page's h_0 or c_0 shape is wrong
        assert shapes == actual, config
        assert shapes["h_0"] == actual["h_n"] and shapes["c_0"] == actual["c_n"], config
        assert list(map(list, weights.items())) == parameter_shapes(config), config
    assert not watched_page.console_errors, watched_page.console_errors


INVALID = [
    (dict(hidden_size=0), "hidden_size must be at least 1", ValueError),
    (dict(num_layers=0), "num_layers must be at least 1", ValueError),
    (dict(proj_size=20), "proj_size must be smaller than hidden_size", ValueError),
    (dict(proj_size=25), "proj_size must be smaller than hidden_size", ValueError),
    (dict(proj_size=-1), "proj_size must be 0", ValueError),
    (dict(input_size=0), "input_size must be at least 1", None),
    (dict(input_size=-4), "input_size must be at least 1", None),
    (dict(input_size=2.5), "input_size must be a whole number", None),
    (dict(input_size=None), "input_size is missing", None),
    (dict(hidden_size=100001), "at most 100000", None),
    (dict(num_layers=101), "num_layers must be at most 100", None),
    (dict(seq_len=0), "seq_len must be at least 1", None),
    (dict(batch=0), "batch must be at least 1", None),
    (dict(batch=1.5), "batch must be a whole number", None),
    (dict(bidirectional="yes"), "bidirectional must be true or false", None),
]


def test_invalid_configurations_get_a_sentence_not_a_shape(watched_page, site_url):
    page = open_explorer(watched_page, site_url)
    configs = [{**DEFAULTS, **change} for change, _, _ in INVALID]
    results = page.evaluate(
        "configs => configs.map(c => [window.lstmShapes(c), window.lstmWeightShapes(c)])", configs
    )
    for (change, reason, torch_error), (shapes, weights) in zip(INVALID, results, strict=True):
        assert set(shapes) == {"error"}, (change, shapes)
        assert reason in shapes["error"] and shapes["error"].endswith("."), shapes["error"]
        if "batch" not in change and "seq_len" not in change:
            assert set(weights) == {"error"}, (change, weights)
        if torch_error:  # torch refuses these too
            with pytest.raises(torch_error):
                make_lstm({**DEFAULTS, **change})
    assert not watched_page.console_errors, watched_page.console_errors


def set_controls(page, config: dict) -> None:
    page.set_checked("#explorer-unbatched", False)
    for name in NUMBER_FIELDS:
        if name != "batch" or config["batch"] is not None:
            page.fill(f"#explorer-{name}", str(config[name]))
    page.set_checked("#explorer-bidirectional", config["bidirectional"])
    page.set_checked("#explorer-batch_first", config["batch_first"])
    page.set_checked("#explorer-unbatched", config["batch"] is None)


def shown_shapes(page) -> dict:
    return {name: page.text_content(f"#explorer-shape-{name}") for name in TENSORS}


def shown_parameters(page) -> dict:
    rows = page.eval_on_selector_all(
        "#explorer-params tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    return dict(rows)


def as_text(shapes: dict) -> dict:
    return {name: str(tuple(shape)) for name, shape in shapes.items()}


UI_CONFIGS = [
    dict(DEFAULTS),
    dict(DEFAULTS, num_layers=3, bidirectional=True, batch_first=True, proj_size=7, seq_len=9),
    dict(DEFAULTS, input_size=4, hidden_size=6, num_layers=1, batch=None, batch_first=True),
]


def test_controls_show_torch_shapes_and_the_url_restores_them(
    watched_page, site_url, one_thread, run_script, tmp_path
):
    page = open_explorer(watched_page, site_url)
    scripts = []
    for config in UI_CONFIGS:
        set_controls(page, config)
        lstm_shapes = torch_run(config, page.evaluate("c => window.lstmShapes(c)", config))
        assert shown_shapes(page) == as_text(lstm_shapes), config
        parameters = {name: str(tuple(shape)) for name, shape in parameter_shapes(config)}
        assert shown_parameters(page) == parameters
        assert page.locator("#explorer-diagram svg[role=img] title").count() == 1
        assert page.text_content("#explorer-status").startswith("output (")

        # The query string holds the configuration; opening it restores every control.
        url = page.url
        query = {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}
        assert query["num_layers"] == str(config["num_layers"])
        assert query["bidirectional"] == ("1" if config["bidirectional"] else "0")
        assert query["unbatched"] == ("1" if config["batch"] is None else "0")
        code = page.text_content("#explorer-code")
        page.goto(url, wait_until="load")  # a fresh load of the shared URL
        page.wait_for_function("document.getElementById('lstm-explorer')?.dataset.ready")
        for name in NUMBER_FIELDS:
            if config[name] is not None:
                assert page.input_value(f"#explorer-{name}") == str(config[name]), name
        assert page.is_checked("#explorer-bidirectional") == config["bidirectional"]
        assert page.is_checked("#explorer-batch_first") == config["batch_first"]
        assert page.is_checked("#explorer-unbatched") == (config["batch"] is None)
        assert shown_shapes(page) == as_text(lstm_shapes)
        assert page.text_content("#explorer-code") == code
        scripts.append((code, as_text(lstm_shapes), parameters))

    # The generated scripts, run as a reader would run them, print what the page shows.
    for number, (code, shapes, parameters) in enumerate(scripts):
        script = tmp_path / f"explorer_script_{number}.py"
        script.write_text(code)
        run = run_script(script, tmp_path)
        assert run.returncode == 0, run.stderr
        printed = dict(line.split(None, 1) for line in run.stdout.strip().splitlines())
        assert printed == {**shapes, **parameters}, code
    assert not watched_page.console_errors, watched_page.console_errors


def test_the_controls_work_from_the_keyboard(watched_page, site_url):
    page = open_explorer(watched_page, site_url)
    page.focus("#explorer-hidden_size")
    page.keyboard.press("Shift+Tab")  # back to input_size, by keyboard
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # num_layers
    assert page.evaluate("document.activeElement.id") == "explorer-num_layers"
    focus = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert focus[0] != "none" and focus[1] != "0px", f"no visible focus: {focus}"
    page.keyboard.press("ArrowUp")
    assert page.text_content("#explorer-shape-h_n") == "(3, 3, 20)"
    page.focus("#explorer-bidirectional")
    page.keyboard.press("Space")
    assert page.text_content("#explorer-shape-h_n") == "(6, 3, 20)"
    assert page.text_content("#explorer-shape-output") == "(5, 3, 40)"
    labels = page.eval_on_selector_all(
        "#lstm-explorer input",
        "inputs => inputs.filter(i => !i.labels.length || !i.labels[0].textContent.trim())"
        ".map(i => i.id)",
    )
    assert labels == [], f"inputs without a label: {labels}"


BAD_INPUTS = [
    ("hidden_size", "0", "hidden_size must be at least 1"),
    ("input_size", "-3", "input_size must be at least 1"),
    ("num_layers", "2.5", "num_layers must be a whole number"),
    ("seq_len", "", "seq_len is empty"),
    ("batch", "1000000", "batch must be at most 100000"),
    ("num_layers", "101", "num_layers must be at most 100"),
    ("input_size", "100001", "sizes up to 100000"),
    ("proj_size", "20", "proj_size must be smaller than hidden_size"),
    ("proj_size", "35", "proj_size must be smaller than hidden_size"),
    ("proj_size", "-1", "proj_size must be 0 (no projection) or a positive whole number"),
    ("proj_size", "", "proj_size is empty"),
]


def test_every_bad_input_gets_its_message(watched_page, site_url):
    page = open_explorer(watched_page, site_url)
    for name, value, message in BAD_INPUTS:
        page.fill(f"#explorer-{name}", value)
        assert message in page.text_content(f"#explorer-{name}-error"), (name, value)
        assert page.get_attribute(f"#explorer-{name}", "aria-invalid") == "true"
        assert message in page.text_content("#explorer-status")
        assert page.get_attribute("#explorer-status", "aria-live") == "polite"
        assert page.text_content("#explorer-shape-output") == "—"
        assert "Fix the" in page.text_content("#explorer-diagram")
        content = page.inner_text("article")
        assert "NaN" not in content and "undefined" not in content, (name, value)
        page.fill(f"#explorer-{name}", str(DEFAULTS[name]))  # fixed: the message goes
        assert page.text_content(f"#explorer-{name}-error") == ""
        assert page.get_attribute(f"#explorer-{name}", "aria-invalid") == "false"
        assert page.text_content("#explorer-shape-output") == "(5, 3, 20)"

    # Text that is no number at all (the browser reports it as bad input, with an empty value).
    page.fill("#explorer-seq_len", "")
    page.type("#explorer-seq_len", "--")
    assert "seq_len must be a whole number" in page.text_content("#explorer-seq_len-error")
    # An unbatched input ignores the batch field, even a bad one.
    page.fill("#explorer-seq_len", "5")
    page.fill("#explorer-batch", "0")
    assert "batch must be at least 1" in page.text_content("#explorer-batch-error")
    page.check("#explorer-unbatched")
    assert page.text_content("#explorer-shape-output") == "(5, 20)"
    assert page.is_disabled("#explorer-batch")
    assert not watched_page.console_errors, watched_page.console_errors


def test_following_a_link_starts_the_explorer(watched_page, site_url):
    page = watched_page.page
    page.goto(f"{site_url}output-vs-state/", wait_until="load")
    page.click("nav.md-nav--primary a[href$='explorer/']")
    page.wait_for_function("document.getElementById('lstm-explorer')?.dataset.ready === 'true'")
    assert page.text_content("#explorer-shape-h_n") == "(2, 3, 20)"
    assert not watched_page.console_errors, watched_page.console_errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_sideways_scroll_and_the_diagram_takes_the_scheme_colour(watched_page, site_url, scheme):
    """At 1280 and 390 px, the static diagram of output-vs-state and the explorer's."""
    page = watched_page.page
    page.emulate_media(color_scheme=scheme)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{site_url}output-vs-state/", wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # The diagram's text takes the scheme's text colour, not a fixed black
        fill = page.evaluate(
            "getComputedStyle(document.querySelector('figure.diagram svg text')).fill"
        )
        body = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
        assert fill == body, (fill, body)
        open_explorer(watched_page, site_url, "?num_layers=3&bidirectional=1&seq_len=9")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not watched_page.console_errors, watched_page.console_errors
