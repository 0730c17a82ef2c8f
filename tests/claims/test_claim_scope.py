"""The scope describer (lstm_site/claim_scope.py) on made-up result sets: exact, short, worded."""

import random

import pytest

from lstm_site.claim_axes import AXES, GRID
from lstm_site.claim_scope import Term, literal_text, scope, subsets, table_rows


def results(holds) -> list[dict]:
    """A claim's results on the whole grid, `holds(config)` deciding each."""
    return [{"config": config, "holds": holds(config)} for config in GRID]


def lstm_only(holds):
    return lambda config: holds(config) if config["module"] == "LSTM" else None


@pytest.mark.parametrize(
    ("holds", "text"),
    [
        (lambda c: True, "Checked on 288 configurations: holds on every one."),
        (
            lambda c: not c["bidirectional"],
            "Holds on 144 of 288 configurations: not for bidirectional.",
        ),
        (
            lstm_only(lambda c: not c["bidirectional"]),
            "Holds on 48 of 96 configurations: not for bidirectional. "
            "Does not apply to `nn.GRU` or `nn.RNN`.",
        ),
        (
            lambda c: c["num_layers"] == 1,
            "Holds on 96 of 288 configurations: not for `num_layers` > 1.",
        ),
        (
            lambda c: not (c["batch_first"] and c["input"] != "unbatched"),
            "Holds on 180 of 288 configurations: not for `batch_first=True` with any input but "
            "unbatched.",
        ),
        (
            lambda c: c["input"] not in ("padded", "packed"),
            "Holds on 144 of 288 configurations: not for padded or packed input.",
        ),
        (  # fewer words say where it holds: one term of three literals, not three terms
            lambda c: c["num_layers"] == 1 and not c["bidirectional"] and not c["batch_first"],
            "Holds on 24 of 288 configurations: only for one direction with `num_layers=1` and "
            "`batch_first=False`.",
        ),
        (
            lambda c: None if c["input"] != "packed" else not c["bidirectional"],
            "Holds on 36 of 72 configurations: not for bidirectional. "
            "Does not apply to any input but packed.",
        ),
        (  # cpu_autocast_bf16_output: the second term does not name `nn.RNN` again
            lambda c: (
                None
                if c["module"] != "LSTM" and c["proj_size"]
                else c["module"] == "RNN"
                or (c["module"] == "LSTM" and not c["proj_size"] and c["input"] != "packed")
            ),
            "Holds on 84 of 192 configurations: only for `nn.RNN`, or for `nn.LSTM` with "
            "`proj_size=0` and any input but packed. "
            "Does not apply to `nn.GRU` or `nn.RNN` with `proj_size` > 0.",
        ),
    ],
    ids=[
        "everywhere",
        "one-direction",
        "lstm-only",
        "num-layers",
        "two-literals",
        "input-pair",
        "positive",
        "packed-only",
        "no-overlap",
    ],
)
def test_the_scope_says_where_in_readers_words(holds, text):
    assert scope(results(holds)).text == text


def test_configurations_where_it_does_not_apply_are_dont_care():
    """Unbatched input is null: "bidirectional" alone is then exact where the claim applies."""
    found = scope(results(lambda c: None if c["input"] == "unbatched" else not c["bidirectional"]))
    assert found.text == (
        "Holds on 108 of 216 configurations: not for bidirectional. "
        "Does not apply to unbatched input."
    )


def test_where_it_fails_names_no_configuration_where_it_does_not_apply():
    """Don't care widens nothing in the words: padded input fails, unbatched input is null, and
    the scope says "padded input", not "unbatched or padded input" beside "does not apply to
    unbatched input" (packed_state_equals_run_alone read so)."""
    found = scope(results(lambda c: {"unbatched": None, "padded": False}.get(c["input"], True)))
    assert found.text == (
        "Holds on 144 of 216 configurations: not for padded input. "
        "Does not apply to unbatched input."
    )


def test_where_it_does_not_apply_is_described_exactly():
    """No don't care there: every null configuration is named, and no other."""
    holds = lstm_only(lambda c: None if c["proj_size"] == 0 else True)
    found = scope(results(holds))
    assert found.text == (
        "Checked on 48 configurations: holds on every one. "
        "Does not apply to `nn.GRU` or `nn.RNN`, or to `proj_size=0`."
    )


def test_no_short_description_says_how_many_hold():
    """An alternating pattern over four axes needs many terms: the scope counts instead."""

    def parity(config):
        ones = config["num_layers"] + config["bidirectional"] + config["batch_first"]
        return (ones + (config["proj_size"] > 0)) % 2 == 0

    found = scope(results(parity))
    assert found.failing is None and found.holding_only is None
    assert found.text == (
        "Holds on 144 of 288 configurations where it applies "
        "(the claims page lists where it does not)."
    )


def test_a_claim_that_applies_nowhere_is_refused():
    with pytest.raises(ValueError, match="applies to no configuration"):
        scope(results(lambda c: None))


def random_term(rng: random.Random) -> Term:
    axes = sorted(rng.sample(list(AXES), rng.randint(1, 3)), key=list(AXES).index)
    return Term(tuple((axis, rng.choice(subsets(AXES[axis]))) for axis in axes))


def test_descriptions_are_exact_and_no_longer_than_the_truth():
    """200 seeded random claims: false on a random union of 1 to 3 terms, null on a random few.

    The description covers every false configuration and no true one, with no more terms than
    the union it was made from; where it does not apply is named exactly."""
    rng = random.Random(23)
    for _ in range(200):
        truth = [random_term(rng) for _ in range(rng.randint(1, 3))]
        null = random_term(rng) if rng.random() < 0.5 else None

        def holds(config, truth=truth, null=null):
            if null is not None and null.matches(config):
                return None
            return not any(term.matches(config) for term in truth)

        claim = results(holds)
        if {r["holds"] for r in claim} - {None} != {True, False}:
            continue  # holds everywhere or nowhere: nothing to describe
        found = scope(claim)
        described = found.holding_only or found.failing
        assert described is not None and len(described) <= len(truth), (truth, found.text)
        for result in claim:
            covered = any(term.matches(result["config"]) for term in described)
            if result["holds"] is not None:
                assert covered == (result["holds"] is (found.holding_only is not None)), (
                    truth,
                    found.text,
                    result,
                )
            null_covered = any(term.matches(result["config"]) for term in found.not_applying)
            assert null_covered == (result["holds"] is None), (null, found.text, result)


def listed(rows: list[dict]) -> list[dict]:
    return [
        config
        for config in GRID
        for row in rows
        if all(config[axis] in values for axis, values in row.items())
    ]


def test_the_table_lists_exactly_where_it_fails_in_few_rows():
    def fails(config):
        return config["bidirectional"] or (config["batch_first"] and config["input"] == "packed")

    claim = results(lambda c: not fails(c))
    rows = table_rows(claim)
    assert len(rows) == 2, rows
    expected = [r["config"] for r in claim if r["holds"] is False]
    assert sorted(map(str, listed(rows))) == sorted(map(str, expected))  # each once, none else


def test_the_table_merges_rows_across_where_it_does_not_apply():
    """nn.GRU and nn.RNN have no proj_size: "any proj_size" on one row, not a row a module."""

    def holds(config):
        if config["module"] != "LSTM" and config["proj_size"]:
            return None
        return not config["bidirectional"]

    claim = results(holds)
    rows = table_rows(claim)
    assert rows == [{**{axis: values for axis, values in AXES.items()}, "bidirectional": (True,)}]
    applying = {str(r["config"]): r["holds"] for r in claim if r["holds"] is not None}
    shown = [str(config) for config in listed(rows) if str(config) in applying]
    assert sorted(shown) == sorted(c for c, holds in applying.items() if holds is False)


@pytest.mark.parametrize(
    ("axis", "values", "words"),
    [
        ("input", ("batched", "padded", "packed"), "any input but unbatched"),
        ("input", ("unbatched",), "unbatched input"),
        ("input", ("batched",), "equal-length batched input"),
        ("input", ("batched", "unbatched", "padded"), "any input but packed"),
        ("num_layers", (2, 3), "`num_layers` > 1"),
        ("num_layers", (1, 2), "`num_layers` < 3"),
        ("num_layers", (1, 3), "`num_layers` 1 or 3"),
        ("proj_size", (2,), "`proj_size` > 0"),
        ("bidirectional", (False,), "one direction"),
        ("batch_first", (True,), "`batch_first=True`"),
        ("module", ("GRU", "RNN"), "`nn.GRU` or `nn.RNN`"),
    ],
)
def test_literals_in_readers_words(axis, values, words):
    assert literal_text(axis, values) == words
