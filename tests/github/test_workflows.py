"""The GitHub workflows and the pre-commit configuration are valid, checked offline."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lstm_site.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(workflow):
    result = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_reads_the_repository_and_writes_nothing_else_there(workflow):
    """Least privilege: the token may read the code; whatever else it needs is named (Pages)."""
    permissions = yaml.safe_load(workflow.read_text()).get("permissions")
    assert isinstance(permissions, dict), f"{workflow.name} declares no permissions"
    assert permissions.get("contents") == "read", permissions


def test_ci_workflow_runs_the_readme_test_command():
    assert "run: make test" in (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "make test" in (ROOT / "README.md").read_text()


def test_pre_commit_config_is_valid():
    result = run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
