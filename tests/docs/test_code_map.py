"""CONTRIBUTING.md's map of the code names every module of lstm_site, so a new one is mapped."""

from lstm_site.__main__ import COMMANDS
from lstm_site.paths import ROOT


def test_the_map_names_every_module_and_command():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    commands = set(COMMANDS.values())
    modules = sorted((ROOT / "lstm_site").glob("[!_]*.py"))
    unmapped = [
        f"lstm_site/{module.name}"
        for module in modules
        if module.stem not in commands and f"`lstm_site/{module.name}`" not in contributing
    ]
    unmapped += [f"`{name}`" for name in COMMANDS if f"`{name}`" not in contributing]
    assert not unmapped, f"add to CONTRIBUTING.md's map of the code: {unmapped}"
