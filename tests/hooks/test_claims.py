"""A claim file as the build reads it (lstm_site/claims.py): its SENTENCE, without running it."""

import pytest
from mkdocs.exceptions import PluginError

from lstm_site.claims import read_claim
from lstm_site.fences import find_fences, notebook_markdown


def claim_file(tmp_path, name: str, text: str):
    path = tmp_path / "claims" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return path


def test_the_sentence_is_read_from_its_literal(tmp_path):
    text = 'import torch\n\nSENTENCE = (\n    "`h_n` has \\n"\n    " one row a layer."\n)\n'
    claim = read_claim(tmp_path, claim_file(tmp_path, "rows.py", text))
    assert (claim.id, claim.path, claim.sentence) == (
        "rows",
        "claims/rows.py",
        "`h_n` has one row a layer.",
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("no_sentence.py", "x = 1\n", "claims/no_sentence.py: no SENTENCE"),
        ("computed.py", 'A = "a"\nSENTENCE = f"{A}"\n', "claims/computed.py:2: SENTENCE must be"),
        ("empty.py", 'SENTENCE = " "\n', "claims/empty.py:1: SENTENCE must be"),
        ("Bad-Name.py", 'SENTENCE = "x"\n', r"claims/Bad-Name.py: a claim's id"),
        ("broken.py", "SENTENCE = (\n", "claims/broken.py:1: "),
    ],
)
def test_a_claim_file_the_build_cannot_read_is_named(tmp_path, name, text, message):
    with pytest.raises(PluginError, match=message):
        read_claim(tmp_path, claim_file(tmp_path, name, text))


def test_a_notebooks_claim_fence_is_found_at_its_line_in_the_file():
    notebook = (
        "# %% [markdown]\n# # Title\n#\n# ```claim\n# output_is_top_layer\n# ```\n\n"
        '# %%\nx = """\n```claim\nnot_in_markdown\n```\n"""\n'
    )
    markdown = notebook_markdown(notebook)
    assert len(markdown.split("\n")) == len(notebook.split("\n"))
    fences = [(f.line, f.info, f.body) for f in find_fences(markdown)]
    assert fences == [(4, "claim", ["output_is_top_layer"])]
