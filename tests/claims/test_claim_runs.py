"""A claim's run (lstm_site/claim_runs.py): what it must print, and what a failure says."""

import json
import textwrap
from pathlib import Path

import pytest

from lstm_site import claim_runs
from lstm_site.claim_axes import GRID
from lstm_site.claim_runs import cache_entry, parse, run_claim
from tests.support.cache_keys import edit, keyed_copy


def printed(holds=lambda config: config["num_layers"] == 1) -> str:
    return "".join(json.dumps({"config": c, "holds": holds(c)}) + "\n" for c in GRID)


def test_a_full_grid_is_read():
    results = parse(printed())
    assert [r["config"] for r in results] == GRID
    assert sum(r["holds"] for r in results) == len(GRID) // 3


@pytest.mark.parametrize(
    ("stdout", "message"),
    [
        (printed().split("\n", 1)[1], "printed 287 lines, not one a configuration of the grid"),
        ("checking...\n" + printed(), "printed 289 lines"),
        (printed().replace('"holds": true', '"holds": 1', 1), "holds is 1, not a boolean"),
        (printed().replace("\n", " and more\n", 1), "output line 1 is not JSON"),
        ("\n".join(reversed(printed().splitlines())) + "\n", "output line 1 is {'module': 'RNN'"),
        (printed(lambda config: None), "applies to no configuration"),
    ],
    ids=["a-line-short", "a-line-more", "not-a-boolean", "not-json", "not-in-order", "all-null"],
)
def test_anything_but_the_grid_is_refused(stdout, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("[", r"\[")):
        parse(stdout)


def claim_file(root, name: str, body: str):
    path = root / "claims" / f"{name}.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(body))
    return path


CHEAP = """\
    from lstm_site.claim_grid import Config, main

    SENTENCE = "A claim about nn.RNN only, checked without building it."
    MODULES = ("RNN",)


    def holds(config: Config) -> bool:
        return config.num_layers == 1


    if __name__ == "__main__":
        main(holds)
"""


def test_a_run_that_succeeded_is_cached_and_read_back(tmp_path, script_runner):
    path = claim_file(tmp_path, "cheap", CHEAP)
    entry = cache_entry(tmp_path, path, tmp_path / "cache")
    run = run_claim(script_runner, tmp_path, path, entry)
    assert run.ok and run.id == "cheap", run.message()
    assert {r["config"]["module"] for r in run.results if r["holds"] is not None} == {"RNN"}
    assert run_claim(None, tmp_path, path, entry) == run  # from the cache: no runner needed


RAISES = '    raise ValueError("deliberate")'


@pytest.mark.parametrize(
    ("edit", "first_line"),
    [
        (("    return config.num_layers == 1", RAISES), "{path}:{line}: ValueError: deliberate"),
        (("    return config.num_layers == 1", '    print("x", file=sys.stderr)'), "{path}: wrote"),
        (("    main(holds)", '    print("no grid")'), "{path}: printed 1 lines, not one a"),
    ],
    ids=["raises", "stderr", "prints-no-grid"],
)
def test_a_failed_run_names_its_file_and_is_not_cached(tmp_path, script_runner, edit, first_line):
    body = "import sys\n\n" + textwrap.dedent(CHEAP).replace(*edit)
    assert edit[1] in body
    path = claim_file(tmp_path, "broken", body)
    entry = cache_entry(tmp_path, path, tmp_path / "cache")
    run = run_claim(script_runner, tmp_path, path, entry)
    assert not run.ok and not entry.exists()
    line = next((n for n, text in enumerate(body.splitlines(), 1) if text == RAISES), None)
    expected = first_line.format(path="claims/broken.py", line=line)
    assert run.message().startswith(expected), run.message()
    if line:
        assert f'File "claims/broken.py", line {line}' in run.message()


@pytest.fixture
def grid_copy(monkeypatch, tmp_path) -> Path:
    """A copy of lstm_site/claim_grid.py that a claim's cache key reads in place of the real one."""
    return keyed_copy(monkeypatch, tmp_path, claim_runs, "claim_grid.py")


def test_a_comment_in_the_grid_helpers_runs_no_claim_again(tmp_path, grid_copy):
    path = claim_file(tmp_path, "cheap", CHEAP)
    before = cache_entry(tmp_path, path, tmp_path / "cache")
    edit(grid_copy, "import torch\n", "import torch  # a comment, nothing else\n")
    edit(grid_copy, '"""', '"""Reworded. ')
    assert cache_entry(tmp_path, path, tmp_path / "cache") == before


def test_a_code_change_in_the_grid_helpers_runs_every_claim_again(tmp_path, grid_copy):
    path = claim_file(tmp_path, "cheap", CHEAP)
    before = cache_entry(tmp_path, path, tmp_path / "cache")
    edit(grid_copy, "import torch\n", "import torch\n\nSEED = 1\n")
    assert cache_entry(tmp_path, path, tmp_path / "cache") != before
