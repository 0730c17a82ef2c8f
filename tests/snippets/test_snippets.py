"""Every file under snippets/ runs alone, and every page shows exactly what it prints.

One test per snippet, collected by a glob: a new file is tested without touching this one.
The run is the tests' own build's (tests/conftest.py): it starts with no cache, so it runs every
snippet afresh, alone, as `python file.py` from an empty folder, and fails on any snippet that
raises, runs too long or writes to stderr. What it printed is compared with every page showing it.
"""

import re
from pathlib import Path

import pytest

from lstm_site.paths import ROOT, SNIPPETS, relative
from tests.support.pages import mismatches

EXAMPLES = sorted(ROOT.glob(SNIPPETS))  # what the build runs
NAME = re.compile(r"^snippets/[a-z0-9-]+/\d{3}_[a-z0-9_]+\.py$")
RANDOM_LOOKING_FLOAT = re.compile(r"\d\.\d{4,}")


def test_snippets_are_collected():
    assert len(EXAMPLES) > 0, "no file found under snippets/"


def test_every_python_file_under_snippets_is_an_example_the_build_runs():
    elsewhere = sorted(set((ROOT / "snippets").rglob("*.py")) - set(EXAMPLES))
    assert not elsewhere, [f"{relative(p)}: move it to snippets/<page_slug>/" for p in elsewhere]


@pytest.mark.parametrize("snippet", EXAMPLES, ids=relative)
def test_snippet(snippet: Path, built_site):
    name = relative(snippet)
    assert NAME.match(name), f"{name}: name it snippets/<page_slug>/NNN_what_it_shows.py"

    fresh = built_site.snippet_run(snippet)
    assert fresh.ok, fresh.message()
    assert fresh.stdout.strip(), f"{name} prints nothing"
    assert not fresh.stderr, f"{name} wrote to stderr (a warning?):\n{fresh.stderr}"
    assert not RANDOM_LOOKING_FLOAT.search(fresh.stdout), (
        f"{name} prints a random-looking float: print shapes and booleans"
    )

    source = snippet.read_text(encoding="utf-8")
    problems = mismatches(built_site.site_dir, name, source, fresh.stdout)
    assert not problems, "\n".join(problems)
