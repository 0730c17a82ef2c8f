"""The configuration grid every claim is checked on, and what a claim's predicate file needs.

A claim (claims/<id>.py) is one sentence about how torch behaves and a predicate,
`holds(config) -> bool | None`, that checks it with real torch on one configuration. Its file
ends with `if __name__ == "__main__": main(holds)`, so that

    python claims/<id>.py                       prints one JSON line a configuration of GRID
    python claims/<id>.py '{"module": "LSTM", "num_layers": 2, "bidirectional": true,
        "batch_first": false, "proj_size": 0, "input": "packed"}'   prints true, false or null

`null` means the claim does not apply to that configuration: the predicate returned None or
raised NotApplicable (a packing claim on unbatched input), torch refuses the module itself
(`proj_size` on nn.GRU), or the module is not one the claim speaks of. A claim file that speaks
of some modules only says so, `MODULES = ("LSTM",)`; their results are then null without
running the predicate. Without it the predicate runs on every module. Any other exception is a
fault in the predicate and fails the build.
"""

import itertools
import json
import sys
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

# The axes live in lstm_site/claim_axes.py, which the build reads without importing torch.
from lstm_site.claim_axes import (  # noqa: F401 (claim files import the axes from here)
    AXES,
    BATCH_FIRST,
    BIDIRECTIONAL,
    INPUTS,
    MODULES,
    NUM_LAYERS,
    PROJ_SIZES,
)

# Sizes are small and all different, so a predicate that mixes up two dimensions fails instead
# of passing by coincidence.
INPUT_SIZE, HIDDEN_SIZE, SEQ_LEN, BATCH = 4, 3, 5, 3
LENGTHS = (5, 2, 4)  # padded and packed input: unequal, not sorted, the longest is SEQ_LEN


class NotApplicable(Exception):
    """Raised by a predicate (or by `module`) where the claim does not speak of a configuration."""


@dataclass(frozen=True)
class Config:
    module: str = "LSTM"
    num_layers: int = 1
    bidirectional: bool = False
    batch_first: bool = False
    proj_size: int = 0
    input: str = "batched"

    @property
    def directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def out_size(self) -> int:
        """H_out: proj_size when there is one, else hidden_size."""
        return self.proj_size or HIDDEN_SIZE

    @property
    def batched(self) -> bool:
        return self.input != "unbatched"

    @property
    def lengths(self) -> torch.Tensor:
        """Each sequence's real length: LENGTHS for padded and packed input, else all SEQ_LEN."""
        if self.input in ("padded", "packed"):
            return torch.tensor(LENGTHS)
        return torch.full((BATCH if self.batched else 1,), SEQ_LEN)

    @classmethod
    def from_json(cls, text: str) -> "Config":
        given = json.loads(text)
        unknown = set(given) - set(AXES)
        if unknown:
            raise SystemExit(f"unknown axes {sorted(unknown)}: a config has {list(AXES)}")
        config = cls(**given)
        for axis, values in AXES.items():
            if getattr(config, axis) not in values:
                raise SystemExit(f"{axis}={getattr(config, axis)!r} is not on the grid {values}")
        return config


GRID = [Config(*values) for values in itertools.product(*AXES.values())]


def module(config: Config, **sizes) -> nn.RNNBase:
    """The module of this configuration, seeded, in eval mode; NotApplicable if torch refuses
    it (proj_size on nn.GRU or nn.RNN)."""
    torch.manual_seed(0)
    options = {
        "input_size": sizes.get("input_size", INPUT_SIZE),
        "hidden_size": sizes.get("hidden_size", HIDDEN_SIZE),
        "num_layers": config.num_layers,
        "bidirectional": config.bidirectional,
        "batch_first": config.batch_first,
    }
    if config.proj_size:
        if config.module != "LSTM":
            raise NotApplicable(f"nn.{config.module} has no proj_size")
        options["proj_size"] = config.proj_size
    return getattr(nn, config.module)(**options).eval()


def padded_input(config: Config) -> torch.Tensor:
    """x as a tensor in the module's layout: (seq_len, batch, input_size), batch first if asked,
    (seq_len, input_size) unbatched; padded input is zero after each sequence's length."""
    torch.manual_seed(1)
    if not config.batched:
        return torch.randn(SEQ_LEN, INPUT_SIZE)
    x = torch.randn(SEQ_LEN, BATCH, INPUT_SIZE)
    if config.input in ("padded", "packed"):
        for column, length in enumerate(LENGTHS):
            x[length:, column] = 0.0
    return x.transpose(0, 1).contiguous() if config.batch_first else x


def model_input(config: Config) -> torch.Tensor | PackedSequence:
    """What this configuration feeds the module: the padded tensor, or it packed."""
    x = padded_input(config)
    if config.input == "packed":
        return pack_padded_sequence(
            x, config.lengths, batch_first=config.batch_first, enforce_sorted=False
        )
    return x


def run(config: Config, **sizes):
    """`module(config)(model_input(config))`: (output, state) as the module returns them."""
    return module(config, **sizes)(model_input(config))


def final_hidden(state) -> torch.Tensor:
    """h_n of any module: nn.LSTM returns (h_n, c_n), nn.GRU and nn.RNN h_n alone."""
    return state[0] if isinstance(state, tuple) else state


def padded_output(config: Config, output) -> torch.Tensor:
    """output as a tensor in the module's layout: packed output is padded back (with zeros)."""
    if isinstance(output, PackedSequence):
        return pad_packed_sequence(output, batch_first=config.batch_first)[0]
    return output


def evaluate(holds: Callable[[Config], bool | None], config: Config) -> bool | None:
    if config.module not in holds.__globals__.get("MODULES", MODULES):
        return None  # a module the claim does not speak of: nothing is built
    try:
        result = holds(config)
    except NotApplicable:
        return None
    if result is not None and not isinstance(result, bool):
        raise TypeError(f"a predicate returns True, False or None, not {result!r}")
    return result


def main(holds: Callable[[Config], bool | None]) -> None:
    """The predicate file's command line: one configuration given as JSON, or the whole grid."""
    # torch says once per process that oneDNN has no projections; it falls back, same results.
    warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
    if len(sys.argv) > 2:
        raise SystemExit(f"usage: python {sys.argv[0]} ['<config as JSON>']")
    if len(sys.argv) == 2:
        print(json.dumps(evaluate(holds, Config.from_json(sys.argv[1]))))
        return
    for config in GRID:
        print(json.dumps({"config": asdict(config), "holds": evaluate(holds, config)}))
