"""The execution cache key changes with any installed package, torch above all."""

from importlib import metadata
from pathlib import Path

import pytest

from lstm_site import environment
from tests.support.cache_keys import edit, keyed_copy


class FakeDistribution:
    def __init__(self, name: str, version: str) -> None:
        self.metadata, self.version = {"Name": name}, version


def key_with(monkeypatch, *distributions) -> str:
    monkeypatch.setattr(metadata, "distributions", lambda: list(distributions))
    return environment.environment_key()


def test_another_torch_gets_another_cache(monkeypatch):
    numpy = FakeDistribution("numpy", "2.4.6")
    key = key_with(monkeypatch, FakeDistribution("torch", "2.13.0"), numpy)
    assert key != key_with(monkeypatch, FakeDistribution("torch", "2.14.1"), numpy)


def test_same_packages_in_any_order_share_a_cache(monkeypatch):
    torch, numpy = FakeDistribution("torch", "2.13.0"), FakeDistribution("numpy", "2.4.6")
    assert key_with(monkeypatch, torch, numpy) == key_with(monkeypatch, numpy, torch)


def test_an_added_package_gets_another_cache(monkeypatch):
    torch = FakeDistribution("torch", "2.13.0")
    assert key_with(monkeypatch, torch) != key_with(
        monkeypatch, torch, FakeDistribution("keras", "3.0.0")
    )


@pytest.fixture
def runner_copy(monkeypatch, tmp_path) -> Path:
    """A copy of lstm_site/runner.py that the key reads in place of the real one."""
    return keyed_copy(monkeypatch, tmp_path, environment, "runner.py")


def test_a_comment_or_a_docstring_of_the_runner_runs_nothing_again(runner_copy):
    before = environment.environment_key()
    edit(runner_copy, "import ast\n", "import ast  # a comment, nothing else\n\n# Another.\n")
    edit(runner_copy, '"""Run example scripts', '"""Run (reworded) example scripts')
    edit(runner_copy, '"""What one script or notebook printed', '"""What one run printed')
    assert environment.environment_key() == before


def test_a_code_change_in_the_runner_gets_another_cache(runner_copy):
    before = environment.environment_key()
    edit(runner_copy, "DEFAULT_TIME_LIMIT = 60.0", "DEFAULT_TIME_LIMIT = 61.0")
    assert environment.environment_key() != before


def test_a_compute_setting_gets_another_cache(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    before = environment.environment_key()
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert environment.environment_key() != before
