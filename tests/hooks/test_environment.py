"""The execution cache key changes with any installed package, torch above all."""

from importlib import metadata

from lstm_site import environment


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


def test_a_changed_runner_gets_another_cache(monkeypatch, tmp_path):
    runner = tmp_path / "runner.py"
    runner.write_text("one")
    monkeypatch.setattr(environment, "RUNNER", runner)
    before = environment.environment_key()
    runner.write_text("two")
    assert environment.environment_key() != before


def test_a_compute_setting_gets_another_cache(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    before = environment.environment_key()
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert environment.environment_key() != before
