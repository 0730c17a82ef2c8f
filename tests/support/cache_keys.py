"""Edit a module a cache key reads, in a copy: what a comment or a code change does to the key."""

from pathlib import Path
from types import ModuleType


def keyed_copy(monkeypatch, tmp_path: Path, module: ModuleType, name: str) -> Path:
    """A copy of lstm_site/`name` that `module`'s key reads (its BEHAVIOUR) in place of the real
    one, for the test's length."""
    real = Path(module.__file__).with_name(name)
    copy = tmp_path / name
    copy.write_text(real.read_text(encoding="utf-8"), encoding="utf-8")
    keyed = [copy if path == real else path for path in module.BEHAVIOUR]
    assert copy in keyed, f"{module.__name__}'s key does not read lstm_site/{name}"
    monkeypatch.setattr(module, "BEHAVIOUR", keyed)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
