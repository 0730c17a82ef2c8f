"""What an executed output depends on besides its source: the key of every execution cache.

Outputs are cached (snippets and notebooks) keyed on their source bytes and on this key: the
Python version, every installed distribution and version, the machine type, the environment
variables that change how torch or Keras compute, and the code of the modules that decide what
an example prints and what its cache entry holds. Any change starts from an empty cache, so a
page never shows outputs of another torch.
"""

import ast
import functools
import hashlib
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

COMPUTE_VARIABLES = ("CUBLAS_", "KERAS_", "MKL_", "OMP_", "PYTORCH_", "TORCH_")
# runner.py runs each example; examples.py sends a notebook's cells and turns a run into its
# cache entry; outputs.py is that entry's form. The other modules only show what these stored.
BEHAVIOUR = [Path(__file__).with_name(name) for name in ("runner.py", "examples.py", "outputs.py")]
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def code_of(path: Path) -> str:
    """A module's code without comments and docstrings: rewording them runs nothing again."""
    return code_of_source(path.read_text(encoding="utf-8"), str(path))


# Keyed on the text, so an edit under `mkdocs serve` is seen: every claim's cache entry reads
# the same three modules, and parsing them for each claim cost a build 3.3 CPU-s.
@functools.lru_cache(maxsize=32)
def code_of_source(source: str, filename: str) -> str:
    tree = ast.parse(source, filename=filename)
    for node in ast.walk(tree):
        if isinstance(node, DOCUMENTED) and ast.get_docstring(node, clean=False) is not None:
            node.body = node.body[1:]
    return ast.dump(tree)


def environment_key() -> str:
    installed = sorted(
        f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions()
    )
    variables = sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith(COMPUTE_VARIABLES))
    code = [code_of(path) for path in BEHAVIOUR]
    text = "\n".join([sys.version, platform.machine(), *installed, *variables, *code])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def source_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:20]
