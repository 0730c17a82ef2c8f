"""The Makefile: a bare `make` lists the targets and installs nothing; `make serve` and `make test`
still set everything up. Run in a temporary copy with no .venv, so nothing here can install."""

import re
import shutil
import subprocess

import pytest

from lstm_site.paths import ROOT
from lstm_site.site_build import SERVE

# What the Makefile's rules read: enough for `make -n` to plan every step
INPUTS = ("Makefile", "pyproject.toml", "constraints.txt", "package.json", "package-lock.json")


@pytest.fixture
def fresh_clone(tmp_path):
    for name in INPUTS:
        shutil.copy(ROOT / name, tmp_path)
    return tmp_path


def make(folder, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )


def documented_targets() -> dict[str, str]:
    """Each target of the Makefile that has a `## ` comment on the line above, with the comment."""
    text = (ROOT / "Makefile").read_text()
    return dict(
        (target, doc) for doc, target in re.findall(r"^## (.+)\n([a-z][a-z-]*):", text, re.M)
    )


def test_every_phony_target_is_documented():
    phony = re.search(r"^\.PHONY: (.+)$", (ROOT / "Makefile").read_text(), re.M)[1].split()
    assert sorted(documented_targets()) == sorted(phony)


@pytest.mark.parametrize("args", [[], ["help"]], ids=["bare-make", "make-help"])
def test_make_lists_every_target_and_creates_nothing(fresh_clone, args):
    # First the plan (`make -n` runs nothing): a default goal that installs fails here, not later
    planned = make(fresh_clone, "-n", *args).stdout
    assert planned.startswith("awk ") and "venv" not in planned and "install" not in planned, (
        planned
    )
    result = make(fresh_clone, *args)

    assert result.returncode == 0, result.stderr
    assert not result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(documented_targets())  # one line per target, nothing else
    for (target, doc), line in zip(documented_targets().items(), lines, strict=True):
        assert line.split() == ["make", target, *doc.split()]
    assert sorted(path.name for path in fresh_clone.iterdir()) == sorted(INPUTS)  # no .venv


@pytest.mark.parametrize(
    ("target", "steps"),
    [
        ("serve", ["python3 -m venv .venv", "--group site --group test", ".venv/bin/mkdocs serve"]),
        (
            "test",
            [
                "python3 -m venv .venv",
                "--group site --group test",
                "npm ci",
                ".venv/bin/ruff check .",
                ".venv/bin/pytest -n 3 --dist worksteal --codeblocks tests README.md"
                " CONTRIBUTING.md docs",
            ],
        ),
    ],
)
def test_the_readme_commands_still_set_everything_up(fresh_clone, target, steps):
    """`make -n` prints what `make serve` / `make test` would run on a fresh clone, runs nothing."""
    result = make(fresh_clone, "-n", target)

    assert result.returncode == 0, result.stderr
    planned = result.stdout
    positions = [planned.find(step) for step in steps]
    assert -1 not in positions, (steps, planned)
    assert positions == sorted(positions), planned  # set up first, then run
    assert sorted(path.name for path in fresh_clone.iterdir()) == sorted(INPUTS)


def test_make_serve_skips_what_the_bench_measures_it_without(fresh_clone):
    """`make bench` times `mkdocs serve` with site_build.SERVE, as `make serve` runs it."""
    planned = make(fresh_clone, "-n", "serve").stdout
    serve = next(line for line in planned.splitlines() if "mkdocs serve" in line)
    assert all(f"{name}={value}" in serve.split() for name, value in SERVE.items()), serve
