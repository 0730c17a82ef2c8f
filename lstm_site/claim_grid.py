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
    BATCH,
    BATCH_FIRST,
    BIDIRECTIONAL,
    INPUTS,
    MODULES,
    NUM_LAYERS,
    PROJ_SIZES,
)

# Sizes are small and all different, so a predicate that mixes up two dimensions fails instead
# of passing by coincidence.
INPUT_SIZE, HIDDEN_SIZE, SEQ_LEN = 4, 3, 5
LENGTHS = (5, 2, 4)  # padded and packed input: unequal, not sorted, the longest is SEQ_LEN


def seed(value: int) -> None:
    """`torch.manual_seed(value)` for CPU tensors: it seeds torch's default CPU generator only.
    torch.manual_seed also queues a seed for every accelerator torch knows (CUDA, XPU, MTIA), and
    with none initialised records the caller's stack for each: on a grid of a few hundred
    configurations that bookkeeping was a third of a claim's time. Same numbers on the CPU."""
    torch.default_generator.manual_seed(value)


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


def module(config: Config, dropout: float = 0.0, **sizes) -> nn.RNNBase:
    """The module of this configuration, seeded, in eval mode; NotApplicable if torch refuses
    it (proj_size on nn.GRU or nn.RNN). `dropout` is nn.LSTM's, between stacked layers."""
    seed(0)
    options = {
        "input_size": sizes.get("input_size", INPUT_SIZE),
        "hidden_size": sizes.get("hidden_size", HIDDEN_SIZE),
        "num_layers": config.num_layers,
        "bidirectional": config.bidirectional,
        "batch_first": config.batch_first,
        "dropout": dropout,
    }
    if config.proj_size:
        if config.module != "LSTM":
            raise NotApplicable(f"nn.{config.module} has no proj_size")
        options["proj_size"] = config.proj_size
    return getattr(nn, config.module)(**options).eval()


def padded_input(config: Config) -> torch.Tensor:
    """x as a tensor in the module's layout: (seq_len, batch, input_size), batch first if asked,
    (seq_len, input_size) unbatched; padded input is zero after each sequence's length."""
    seed(1)
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
    # A predicate's tensors are tiny: a second thread only spins (the build's runner sets one too).
    torch.set_num_threads(1)
    if len(sys.argv) > 2:
        raise SystemExit(f"usage: python {sys.argv[0]} ['<config as JSON>']")
    if len(sys.argv) == 2:
        print(json.dumps(evaluate(holds, Config.from_json(sys.argv[1]))))
        return
    for config in GRID:
        print(json.dumps({"config": asdict(config), "holds": evaluate(holds, config)}))


# What several claims read off a configuration's results, written once.


def time_dim(config: Config) -> int:
    """The dimension of the steps in x and output: 1 with batch_first (batched), else 0."""
    return 1 if config.batch_first and config.batched else 0


def steps_first(config: Config, tensor: torch.Tensor) -> torch.Tensor:
    """A batched tensor in the module's layout, as (seq_len, batch, ...); unbatched unchanged."""
    return tensor.transpose(0, 1) if time_dim(config) == 1 else tensor


def last_valid_steps(config: Config, padded: torch.Tensor) -> torch.Tensor:
    """Each sequence's entry at its own step length - 1: (batch, features), or (features,)."""
    by_step = steps_first(config, padded)
    if not config.batched:
        return by_step[-1]
    return by_step[config.lengths - 1, torch.arange(len(config.lengths))]


def initial_state(config: Config, seed: int = 2):
    """A random (h_0, c_0) of the shapes nn.LSTM takes (h_0 alone for nn.GRU and nn.RNN)."""
    generator = torch.Generator().manual_seed(seed)
    rows = config.directions * config.num_layers
    batch = (BATCH,) if config.batched else ()
    h_0 = torch.randn(rows, *batch, config.out_size, generator=generator)
    if config.module != "LSTM":
        return h_0
    return h_0, torch.randn(rows, *batch, HIDDEN_SIZE, generator=generator)


def one_layer(config: Config, rnn: nn.RNNBase, layer: int) -> nn.RNNBase:
    """A one-layer module of the same kind holding layer `layer`'s weights (both directions)."""
    single = module(
        Config(**{**asdict(config), "num_layers": 1}),
        input_size=getattr(rnn, f"weight_ih_l{layer}").shape[1],
    )
    with torch.no_grad():
        for name, weight in single.named_parameters():
            weight.copy_(getattr(rnn, name.replace("_l0", f"_l{layer}")))
    return single


def layer_by_layer(config: Config, rnn: nn.RNNBase, x) -> list:
    """Run the layers of `rnn` one at a time, each fed the output of the one below:
    [(output, state)] per layer, bottom first."""
    results = []
    for layer in range(config.num_layers):
        output, state = one_layer(config, rnn, layer)(x)
        results.append((output, state))
        x = output
    return results


def unroll(config: Config, rnn: nn.RNNBase, make_step: Callable) -> tuple:
    """The module's loop written out: every layer, direction and sequence one step at a time,
    from a zero state. `make_step(weights)` gets one layer and direction's parameters, named
    without their suffix (`weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`, `weight_hr`), and
    returns `step(x_t, state) -> state`, where x_t is (1, features), `state` is None at the start
    and a state is a tuple of (1, size) tensors, hidden state first. Returns (output, states):
    output steps first, zero after each packed sequence's end; states stacked as h_n (and c_n).
    Padded input that is not packed runs through its padding, as the module does."""
    x = steps_first(config, padded_input(config))
    x = x if config.batched else x.unsqueeze(1)
    lengths = config.lengths.tolist() if config.input == "packed" else [SEQ_LEN] * x.shape[1]
    finals = []  # one list of per-sequence final states for each layer and direction
    for layer in range(config.num_layers):
        halves = []
        for direction in range(config.directions):
            suffix = f"_l{layer}" + ("_reverse" if direction else "")
            names = ("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_hr")
            present = [name for name in names if hasattr(rnn, name + suffix)]
            step = make_step({name: getattr(rnn, name + suffix) for name in present})
            half = torch.zeros(x.shape[0], x.shape[1], config.out_size)
            ends = []
            for sequence, length in enumerate(lengths):
                state = None
                for t in range(length) if direction == 0 else reversed(range(length)):
                    state = step(x[t, sequence : sequence + 1], state)
                    half[t, sequence] = state[0][0]
                ends.append(state)
            halves.append(half)
            finals.append(ends)
        x = torch.cat(halves, dim=-1)
    states = tuple(
        torch.stack([torch.cat([end[part] for end in ends]) for ends in finals])
        for part in range(len(finals[0][0]))
    )
    if not config.batched:
        return x.squeeze(1), tuple(state.squeeze(1) for state in states)
    return x, states


def as_model_input(config: Config, x: torch.Tensor) -> torch.Tensor | PackedSequence:
    """A tensor laid out like padded_input(config), fed as this configuration feeds it."""
    if config.input == "packed":
        return pack_padded_sequence(
            x, config.lengths, batch_first=config.batch_first, enforce_sorted=False
        )
    return x


def state_tensors(state) -> tuple:
    """The returned (or initial) state as a tuple: (h, c) for nn.LSTM, (h,) for the others."""
    return state if isinstance(state, tuple) else (state,)


def close(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Equal up to float rounding: the same shape, and within 1e-6 everywhere. Where a claim
    says "equal up to float rounding", this is the test; "equals" is torch.equal."""
    return a.shape == b.shape and torch.allclose(a, b, atol=1e-6, rtol=0)


# What stands in the module's place when a claim speaks of replacing it with a transformer.

TRANSFORMER_HEADS = 2  # divides INPUT_SIZE, the encoder's d_model


def transformer_encoder(config: Config) -> nn.TransformerEncoder:
    """An nn.TransformerEncoder that takes this configuration's input where the module did:
    d_model = INPUT_SIZE, num_layers and the layer's batch_first from the configuration, no
    dropout, in eval mode, seeded. enable_nested_tensor=False keeps the output at padded steps
    computed (the nested fast path writes zeros there) and the constructor quiet."""
    seed(0)
    layer = nn.TransformerEncoderLayer(
        d_model=INPUT_SIZE,
        nhead=TRANSFORMER_HEADS,
        dim_feedforward=2 * INPUT_SIZE,
        dropout=0.0,
        batch_first=config.batch_first,
    )
    encoder = nn.TransformerEncoder(layer, config.num_layers, enable_nested_tensor=False)
    return encoder.eval()


def transformer_axes_only(config: Config) -> None:
    """NotApplicable unless the module's own axes (module, bidirectional, proj_size) take their
    defaults: the encoder reads none of them, and counting it once per value of each would
    report one check as many in the claim's scope."""
    if (config.module, config.bidirectional, config.proj_size) != ("LSTM", False, 0):
        raise NotApplicable("the encoder reads num_layers, batch_first and input only")


def padding_mask(config: Config) -> torch.Tensor | None:
    """src_key_padding_mask for padded input, (batch, seq_len) in either layout, True at the
    padded steps; None for input without padding. NotApplicable for packed input: a
    transformer takes no PackedSequence."""
    if config.input == "packed":
        raise NotApplicable("nn.TransformerEncoder takes no PackedSequence")
    if config.input != "padded":
        return None
    return torch.arange(SEQ_LEN) >= config.lengths[:, None]
