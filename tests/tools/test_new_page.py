"""`make new-page` scaffolds a page that builds strictly and is tested with no test to write."""

import pytest

from new_page import main
from site_build import copy_project, mkdocs_build
from tests.snippets.test_snippets import shown_blocks


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_the_scaffolded_page_builds_and_shows_its_snippet(project):
    main(["packed-states", "Packed states", "--section", "How-to"], root=project)

    assert "      - Packed states: packed-states.md" in (project / "mkdocs.yml").read_text()
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    blocks = shown_blocks(project / "site", "snippets/packed-states/001_first_example.py")
    assert len(blocks) == 1
    output = blocks[0][2]
    assert "output[-1] equals h_n[-1]: True" in output


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["Bad Slug", "T"], "must be lowercase words joined by hyphens"),
        (["bidirectional", "T"], "exists"),
        (["new-topic", "T", "--section", "Nowhere"], "no nav section 'Nowhere'"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(project, argv, message):
    before = (project / "mkdocs.yml").read_text()
    with pytest.raises(SystemExit, match=message):
        main(argv, root=project)
    assert (project / "mkdocs.yml").read_text() == before
    assert not (project / "docs" / "new-topic.md").exists()
