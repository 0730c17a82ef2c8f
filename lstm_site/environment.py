"""What an executed output depends on besides its source: the key of every execution cache.

Outputs are cached (snippets and notebooks) keyed on their source bytes and on this key: the
Python version, every installed distribution and version, the machine type, the environment
variables that change how torch or Keras compute, and the runner's own code. Any change starts
from an empty cache, so a page never shows outputs of another torch.
"""

import hashlib
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

COMPUTE_VARIABLES = ("CUBLAS_", "KERAS_", "MKL_", "OMP_", "PYTORCH_", "TORCH_")
RUNNER = Path(__file__).with_name("runner.py")


def environment_key() -> str:
    installed = sorted(
        f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions()
    )
    variables = sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith(COMPUTE_VARIABLES))
    text = "\n".join(
        [sys.version, platform.machine(), *installed, *variables, RUNNER.read_text("utf-8")]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def source_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:20]
