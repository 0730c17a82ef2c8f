"""The explorer's claims (docs/explorer.md: what holds for this configuration) in Chromium.

`window.lstmClaims(config)` reads the results the build embedded in the page; it must give what
claims.json says, for every nn.LSTM configuration of the grid, however the configuration is
written (as in claims.json, or as the explorer's own config with sizes and `batch`). The list
under the shapes shows the same for the form's configuration.
"""

import json

import pytest

from lstm_site.claim_axes import AXES, GRID

SIZES = {"input_size": 10, "hidden_size": 20, "seq_len": 5}  # ignored by lstmClaims


@pytest.fixture(scope="module")
def published(built_site) -> dict:
    return json.loads((built_site.site_dir / "claims.json").read_text(encoding="utf-8"))


def expected(published: dict, config: dict) -> list[dict]:
    """What claims.json says of every claim for this grid configuration."""
    index = GRID.index(config)
    return [{"id": c["id"], "holds": c["results"][index]["holds"]} for c in published["claims"]]


def open_explorer(watched_page, site_url: str, query: str = ""):
    page = watched_page.page
    page.goto(f"{site_url}explorer/{query}", wait_until="load")
    page.wait_for_function("document.getElementById('explorer-claims')?.dataset.ready === 'true'")
    return page


def as_the_explorer_writes_it(config: dict) -> dict:
    """The explorer's own config: no module, sizes, and `batch` (null: unbatched) for input."""
    written = {key: value for key, value in config.items() if key not in ("module", "input")}
    if config["input"] == "unbatched":
        return {**written, **SIZES, "batch": None}
    return {**written, **SIZES, "batch": 3, "input": config["input"]}


def test_lstm_claims_agrees_with_claims_json_on_every_lstm_configuration(
    watched_page, site_url, published
):
    page = open_explorer(watched_page, site_url)
    configs = [config for config in GRID if config["module"] == "LSTM"]
    assert len(configs) == len(GRID) // len(AXES["module"])
    written = [as_the_explorer_writes_it(config) for config in configs]
    plain = [
        {**as_the_explorer_writes_it(config), "batch": 3}
        for config in configs
        if config["input"] == "batched"
    ]
    answers, rewritten, batched = page.evaluate(
        "([a, b, c]) => [a, b, c].map((configs) => configs.map((c) => window.lstmClaims(c)))",
        [configs, written, [{k: v for k, v in c.items() if k != "input"} for c in plain]],
    )
    for config, answer, again in zip(configs, answers, rewritten, strict=True):
        assert answer == expected(published, config), config
        assert again == answer, config
    # No `input` and a batch: a batch of equal lengths, as the form's default.
    for config, answer in zip(
        [c for c in configs if c["input"] == "batched"], batched, strict=True
    ):
        assert answer == expected(published, config), config
    assert not watched_page.console_errors, watched_page.console_errors


def test_a_configuration_off_the_grid_gets_the_nearest_and_the_page_says_so(
    watched_page, site_url, published
):
    page = open_explorer(watched_page, site_url)
    deep = {**GRID[0], "num_layers": 5, "proj_size": 7}
    answer = page.evaluate("c => window.lstmClaims(c)", deep)
    deepest = max(AXES["num_layers"])
    projected = next(size for size in AXES["proj_size"] if size > 0)
    assert answer == expected(published, {**GRID[0], "num_layers": deepest, "proj_size": projected})

    page.fill("#explorer-num_layers", "5")
    page.fill("#explorer-proj_size", "7")
    note = page.text_content("#explorer-claims-note")
    assert f"num_layers=5 as {deepest}" in note and f"proj_size=7 as {projected}" in note, note
    assert not watched_page.console_errors, watched_page.console_errors


@pytest.mark.parametrize(
    "bad",
    [
        {"num_layers": 0},
        {"num_layers": 2.5},
        {"module": "LSTMCell"},
        {"input": "ragged"},
        {"bidirectional": "yes"},
        {"proj_size": -1},
    ],
    ids=lambda bad: next(iter(bad)),
)
def test_a_configuration_that_is_no_configuration_gets_an_error(watched_page, site_url, bad):
    page = open_explorer(watched_page, site_url)
    answer = page.evaluate("c => window.lstmClaims(c)", {**GRID[0], **bad})
    assert set(answer) == {"error"} and answer["error"].endswith("."), answer


FORMS = [  # (form fields, sequences chosen, the grid configuration they stand for)
    ({}, "batched", {"num_layers": 2}),
    (
        {"bidirectional": True},
        "padded",
        {"num_layers": 2, "bidirectional": True, "input": "padded"},
    ),
    ({"batch_first": True, "num_layers": "1"}, "packed", {"batch_first": True, "input": "packed"}),
    (
        {"unbatched": True, "proj_size": "4"},
        "packed",
        {"num_layers": 2, "proj_size": 2, "input": "unbatched"},
    ),
]


@pytest.mark.parametrize(
    ("fields", "sequences", "grid"), FORMS, ids=["default", "padded", "packed", "unbatched"]
)
def test_the_list_shows_what_holds_for_the_form(
    watched_page, site_url, published, fields, sequences, grid
):
    page = open_explorer(watched_page, site_url)
    for name, value in fields.items():
        if isinstance(value, bool):
            page.set_checked(f"#explorer-{name}", value)
        else:
            page.fill(f"#explorer-{name}", value)
    if not fields.get("unbatched"):
        page.select_option("#explorer-claims-input", sequences)
    assert page.is_disabled("#explorer-claims-input") == bool(fields.get("unbatched"))
    shown = page.eval_on_selector_all(
        "#explorer-claims-list li",
        "items => items.map(i => [i.dataset.claim, i.dataset.holds, i.querySelector('a').href])",
    )
    want = expected(published, {**GRID[0], **grid})
    assert sorted((claim, holds) for claim, holds, _ in shown) == sorted(
        (w["id"], json.dumps(w["holds"])) for w in want
    )
    urls = {claim["id"]: claim["url"] for claim in published["claims"]}
    for claim, _, link in shown:
        assert link == f"{site_url}{urls[claim]}"
    # What does not hold is open; the rest is one click away.
    groups = page.eval_on_selector_all(
        "#explorer-claims-list details",
        "ds => ds.map(d => [d.querySelector('summary').textContent, d.open])",
    )
    assert all(is_open == title.startswith("Does not hold") for title, is_open in groups), groups
    # The page's URL keeps the choice: opening it again shows the same list.
    page.goto(page.url, wait_until="load")
    page.wait_for_function("document.getElementById('explorer-claims')?.dataset.ready === 'true'")
    again = page.eval_on_selector_all(
        "#explorer-claims-list li", "items => items.map(i => [i.dataset.claim, i.dataset.holds])"
    )
    assert sorted(again) == sorted([claim, holds] for claim, holds, _ in shown)
    assert not watched_page.console_errors, watched_page.console_errors


def test_a_bad_form_shows_no_claims(watched_page, site_url):
    page = open_explorer(watched_page, site_url)
    page.fill("#explorer-num_layers", "0")
    assert page.locator("#explorer-claims-list li").count() == 0
    assert "Fix the highlighted input" in page.text_content("#explorer-claims-list")
    page.fill("#explorer-num_layers", "2")
    assert page.locator("#explorer-claims-list li").count() > 0
    assert not watched_page.console_errors, watched_page.console_errors
