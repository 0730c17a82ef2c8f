"""Claim faults the build must catch, each made on purpose in a copy of the project (as in
tests/test_faults.py), and a claim block that renders the same wherever it stands.

One build holds the faults that let it finish (SITE_TIME_LIMIT=5, pages only): a predicate that
raises, one that writes to stderr, one that prints no grid, a page that includes a failed
claim, and a claim in a list, an admonition and a tab. An unknown id stops the build at once,
so it has a build of its own, in a page and in a notebook.
"""

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

from lstm_site.paths import ROOT
from lstm_site.progress import RUNNING as RAN_EXAMPLES
from lstm_site.site_build import PAGES_ONLY, copy_project, mkdocs_build

SHORT_LIMIT = {"SITE_TIME_LIMIT": "5", **PAGES_ONLY}
CLAIM = "output_last_is_h_n_top"
PREDICATE = """\
from lstm_site.claim_grid import Config, main

SENTENCE = "A claim made to fail."
MODULES = ("RNN",)


def holds(config: Config) -> bool:
    {body}


if __name__ == "__main__":
    main(holds)
"""
FAULTS = {  # claim id: the predicate's body, and the first line the build must log
    "zz_raises": ('raise ValueError("deliberate")', "claims/zz_raises.py:8: ValueError: deliber"),
    "zz_warns": (
        'import warnings\n\n    warnings.warn("deliberate")\n    return True',
        "claims/zz_warns.py: wrote to stderr",
    ),
    "zz_no_grid": ("return True", "claims/zz_no_grid.py: printed 1 lines"),
}
NESTED = f"""

- A list item:

    ```claim
    {CLAIM}
    ```

!!! note "An admonition"

    ```claim
    {CLAIM}
    ```

=== "A tab"

    ```claim
    {CLAIM}
    ```

```claim
{CLAIM}
```
"""


def log_of(result) -> str:
    return result.stdout + result.stderr


def warnings_of(log: str) -> list[str]:
    """Each warning's message, after the hook's name: `WARNING -  execution: claims/x.py: ...`."""
    return [line.split(": ", 1)[1] for line in log.splitlines() if line.startswith("WARNING -  ")]


@pytest.fixture(scope="module")
def broken(tmp_path_factory, worker_id, built_site):
    """One copy with the faults, built once for every xdist worker."""
    basetemp = tmp_path_factory.getbasetemp()
    folder = (basetemp if worker_id == "master" else basetemp.parent) / "broken-claims"
    project, site, log_file = folder / "project", folder / "site", folder / "build.log"
    with FileLock(str(folder) + ".lock"):
        if not log_file.exists():
            copy_project(project, pages=["index.md"], source=built_site.project)
            for claim_id, (body, _) in FAULTS.items():
                (project / "claims" / f"{claim_id}.py").write_text(PREDICATE.format(body=body))
            no_grid = project / "claims" / "zz_no_grid.py"
            no_grid.write_text(no_grid.read_text().replace("main(holds)", 'print("true")'))
            page = project / "docs" / "index.md"
            text = page.read_text()
            page.write_text(text + NESTED + "\n```claim\nzz_raises\n```\n")
            failed_line = len((text + NESTED).split("\n")) + 1
            result = mkdocs_build(project, site, **SHORT_LIMIT)
            log_file.write_text(f"{result.returncode} {failed_line}\n{log_of(result)}")
    head, log = log_file.read_text().split("\n", 1)
    code, failed_line = map(int, head.split())
    return {"returncode": code, "log": log, "site": site, "failed_line": failed_line}


@pytest.mark.parametrize("claim_id", FAULTS)
def test_a_broken_predicate_fails_the_build_naming_its_file(broken, claim_id):
    assert broken["returncode"] != 0
    expected = FAULTS[claim_id][1]
    assert any(line.startswith(expected) for line in warnings_of(broken["log"])), broken["log"]


def test_a_page_that_includes_a_failed_claim_is_named_with_its_line(broken):
    expected = f"docs/index.md:{broken['failed_line']}: the claim zz_raises failed"
    assert any(line.startswith(expected) for line in warnings_of(broken["log"])), broken["log"]
    home = BeautifulSoup((broken["site"] / "index.html").read_text(), "html.parser")
    block = home.select_one('div.claim.failed[data-claim="zz_raises"]')
    assert "failed when the site was built" in block.get_text()


def test_a_claim_block_renders_the_same_in_a_list_an_admonition_and_a_tab(broken):
    home = BeautifulSoup((broken["site"] / "index.html").read_text(), "html.parser")
    on_the_page = (ROOT / "docs" / "index.md").read_text().count(f"```claim\n{CLAIM}\n```")
    every_block = home.select(f'div.claim[data-claim="{CLAIM}"]')
    assert len(every_block) == on_the_page + 4
    blocks = every_block[on_the_page:]  # the four appended at the end of the page
    assert [b.find_parent(["li", "div"]).get("class") for b in blocks[:3]] == [
        None,
        ["admonition", "note"],
        ["tabbed-block"],
    ]
    assert blocks[0].find_parent("li") is not None
    assert len({str(block) for block in every_block}) == 1, "a nested block renders differently"
    assert blocks[0].select_one("p.claim-scope").get_text().startswith("Holds on ")


def test_an_unknown_claim_fails_the_build_naming_page_and_line(tmp_path, project_with):
    project = project_with("faq.md")
    page = project / "docs" / "faq.md"
    text = page.read_text()
    page.write_text(text + "\n```claim\nno_such_claim\n```\n")
    line = len(text.split("\n")) + 1
    result = mkdocs_build(project, tmp_path / "site", **PAGES_ONLY)
    assert result.returncode != 0
    expected = f"docs/faq.md:{line}: no claim no_such_claim (no file claims/no_such_claim.py)"
    assert expected in log_of(result), log_of(result)
    assert RAN_EXAMPLES not in log_of(result), "the typo was found only after examples ran"


def test_an_unknown_claim_in_a_notebook_fails_the_build_naming_its_line(tmp_path, project_with):
    project = project_with("notebooks/forecasting.py")
    notebook = project / "docs" / "notebooks" / "forecasting.py"
    text = notebook.read_text()
    notebook.write_text(text + "\n# %% [markdown]\n# ```claim\n# no_such_claim\n# ```\n")
    line = len(text.split("\n")) + 2
    result = mkdocs_build(project, tmp_path / "site", **PAGES_ONLY)
    assert result.returncode != 0
    expected = f"docs/notebooks/forecasting.py:{line}: no claim no_such_claim"
    assert expected in log_of(result), log_of(result)
    # The edited notebook is not run first (its cache entry is keyed on its bytes)
    assert RAN_EXAMPLES not in log_of(result), "the typo was found only after examples ran"
