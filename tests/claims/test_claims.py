"""The built site's claims against torch: claims.json, fresh runs of each predicate, the pages.

Every claim file is published in claims.json with a result for every configuration of the grid;
a fresh run of its predicate, for configurations where claims.json says it is false, null and
true (the first of each in the grid's order, and one seeded at random), prints the same; every
claim block on every page shows the scope computed from those results; a notebook shows a block
for each claim fence of its markdown cells; its claims page lists where each claim does not
hold, exactly.
"""

import json
import random
import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin

import jupytext
import pytest

from lstm_site import paths
from lstm_site.claim_axes import AXES, GRID
from lstm_site.claim_scope import scope
from lstm_site.claims import claim_fences
from lstm_site.paths import ROOT, relative
from tests.support.pages import soup_of

CLAIM_FILES = sorted(ROOT.glob("claims/*.py"))
NOTEBOOKS = sorted((ROOT / "docs").glob(paths.NOTEBOOKS))
SITE = "http://site/"  # a base to resolve a page's relative links on


@pytest.fixture(scope="module")
def published(built_site) -> dict:
    return json.loads((built_site.site_dir / "claims.json").read_text(encoding="utf-8"))


def claims_by_id(published: dict) -> dict[str, dict]:
    return {claim["id"]: claim for claim in published["claims"]}


def test_claims_are_collected():
    assert len(CLAIM_FILES) >= 5, "no claims under claims/"


def test_claims_json_publishes_every_claim_on_every_configuration(published):
    assert published["torch"] == version("torch")
    assert sorted(claims_by_id(published)) == [path.stem for path in CLAIM_FILES]
    for claim in published["claims"]:
        assert set(claim) == {"id", "sentence", "pages", "predicate", "url", "results"}, claim["id"]
        assert claim["predicate"] == f"claims/{claim['id']}.py"
        assert re.fullmatch(rf"claims/[a-z0-9-]+/#{claim['id']}", claim["url"]), claim["url"]
        configs = [result["config"] for result in claim["results"]]
        assert configs == GRID, f"{claim['id']}: not the grid's configurations, in order"
        for axis, values in AXES.items():
            seen = {config[axis] for config in configs}
            assert seen == set(values), f"{claim['id']}: {axis} has {seen}, not {values}"
        assert {type(result["holds"]) for result in claim["results"]} <= {bool, type(None)}


def sampled(results: list[dict], seed: str) -> list[dict]:
    """The first false, null and true result in the grid's order, and one at random."""
    firsts = {}
    for result in results:
        firsts.setdefault(result["holds"], result)
    return [*firsts.values(), random.Random(seed).choice(results)]


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda path: path.stem)
def test_a_fresh_run_prints_what_claims_json_says(path: Path, published, run_script, tmp_path):
    claim = claims_by_id(published)[path.stem]
    for result in sampled(claim["results"], path.stem):
        given = json.dumps(result["config"])
        fresh = run_script(path, tmp_path, args=(given,))  # python claims/<id>.py '<config>'
        assert fresh.ok and not fresh.stderr, f"{path.name} {given}:\n{fresh.stderr}{fresh.error}"
        assert fresh.stdout == json.dumps(result["holds"]) + "\n", (
            f"python claims/{path.name} '{given}' printed {fresh.stdout.strip()}, "
            f"claims.json says {json.dumps(result['holds'])}"
        )


def shown_scope(block) -> str:
    scope_element = block.select_one("p.claim-scope")
    link = scope_element.select_one("a.claim-link")
    text = scope_element.get_text()
    return text.removesuffix(link.get_text()).strip() if link else text.strip()


def test_every_claim_block_shows_the_scope_of_its_results(built_site, published):
    """On every page, each block's scope is the one claims.json's results give, and the pages
    claims.json lists for a claim are exactly those that show it."""
    claims = claims_by_id(published)
    shown_on: dict[str, set[str]] = {claim_id: set() for claim_id in claims}
    for page in built_site.pages():
        url = page.parent.relative_to(built_site.site_dir).as_posix() + "/"
        for block in soup_of(page).select("div.claim[data-claim]"):
            claim = claims[block["data-claim"]]
            expected = scope(claim["results"]).text.replace("`", "")
            assert shown_scope(block) == expected, (page, claim["id"])
            if not url.startswith("claims/"):  # the claims pages show every claim they list
                shown_on[claim["id"]].add(url)  # as MkDocs writes a page's URL: "./" for home
                link = urljoin(f"{SITE}{url}", block.select_one("a.claim-link")["href"])
                assert link == f"{SITE}{claim['url']}", (page, claim["id"])
    for claim_id, claim in claims.items():
        assert set(claim["pages"]) == shown_on[claim_id], claim_id


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=relative)
def test_a_notebook_shows_a_block_for_each_claim_it_includes(built_site, notebook: Path):
    """A claim fence in a markdown cell renders as the pages' block, not as a code block, on the
    page and in llms-full.txt."""
    included = [
        claim_id
        for cell in jupytext.read(notebook).cells
        if cell.cell_type == "markdown"
        for _, claim_id in claim_fences(cell.source)
    ]
    page = soup_of(built_site.site_dir / "notebooks" / notebook.stem / "index.html")
    shown = [block["data-claim"] for block in page.select("article div.claim[data-claim]")]
    assert shown == included, f"{relative(notebook)} includes {included}, its page shows {shown}"
    assert not page.select("code.language-claim"), "a claim fence rendered as code"
    llms = (built_site.site_dir / "llms-full.txt").read_text(encoding="utf-8")
    fences = [claim_id for claim_id in included if f"claim\n{claim_id}" in llms]
    assert not fences, f"llms-full.txt shows claim fences as code: {fences}"


def test_each_claims_page_lists_exactly_where_its_claims_fail(built_site, published):
    for claim in published["claims"]:
        path, anchor = claim["url"].split("#")
        assert anchor == claim["id"]
        page = soup_of(built_site.site_dir / path / "index.html")
        heading = page.find(id=claim["id"])
        assert heading is not None and heading.name == "h2", claim["id"]
        section = []
        for element in heading.find_next_siblings():
            if element.name == "h2":
                break
            section.append(element)
        failing = [r["config"] for r in claim["results"] if r["holds"] is False]
        tables = [element for element in section if element.name == "table" or element.table]
        if not failing:
            assert not tables, claim["id"]
            continue
        table = tables[0] if tables[0].name == "table" else tables[0].table
        listed = []
        for row in table.select("tbody tr"):
            cells = [cell.get_text().strip() for cell in row.find_all("td")]
            listed += [
                config
                for config in GRID
                if all(
                    cell == "any" or str(config[axis]) in cell.split(", ")
                    for axis, cell in zip(AXES, cells, strict=True)
                )
            ]
        applying = [r["config"] for r in claim["results"] if r["holds"] is not None]
        shown = [config for config in listed if config in applying]  # rows may span n/a ones
        assert sorted(map(str, shown)) == sorted(map(str, failing)), claim["id"]
        code = "".join(element.get_text() for element in section if element.select("pre"))
        assert (ROOT / claim["predicate"]).read_text().strip() in code, claim["id"]
