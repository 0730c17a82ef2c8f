"""A learnable initial state, one row a layer and direction, expanded to the batch.

h_0 is a parameter of shape (D * num_layers, 1, H_out) and, for nn.LSTM, c_0 one of
(D * num_layers, 1, hidden_size); `.expand(-1, batch, -1)` makes a view with stride 0 along the
batch, which is not contiguous. The module is run with the views and with contiguous copies
(`.repeat`), autograd recording both; the outputs and final states are compared with
torch.equal, and a backward from the output must leave a non-zero gradient on each parameter.
Unbatched input has no batch to expand to: not applicable.
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    HIDDEN_SIZE,
    Config,
    NotApplicable,
    main,
    model_input,
    module,
    padded_output,
    seed,
    state_tensors,
)

SENTENCE = (
    "A learnable initial state, an `nn.Parameter` of shape `(D * num_layers, 1, H_out)` for "
    "`h_0` (and `(D * num_layers, 1, hidden_size)` for `c_0`), passed as "
    "`.expand(-1, batch, -1)`, is accepted on the CPU although the view is not contiguous, "
    "gives the same `output` and final state as a contiguous copy, and receives a gradient."
)


def holds(config: Config) -> bool:
    if not config.batched:
        raise NotApplicable("an unbatched state has no batch dimension to expand")
    rnn = module(config)
    x = model_input(config)
    batch = len(config.lengths)
    rows = config.directions * config.num_layers
    seed(2)
    sizes = (config.out_size, HIDDEN_SIZE) if config.module == "LSTM" else (config.out_size,)
    initial = [nn.Parameter(torch.randn(rows, 1, size)) for size in sizes]
    expanded = tuple(p.expand(-1, batch, -1) for p in initial)
    # repeat, not a detached copy: both runs then take the same kernel (torch picks the CPU
    # kernel by whether autograd is recording, and kernels round differently)
    copies = tuple(p.repeat(1, batch, 1) for p in initial)
    if any(view.is_contiguous() for view in expanded):
        return False
    if config.module != "LSTM":
        expanded, copies = expanded[0], copies[0]
    output, state = rnn(x, expanded)
    copy_output, copy_state = rnn(x, copies)
    same = torch.equal(padded_output(config, output), padded_output(config, copy_output))
    same = same and all(map(torch.equal, state_tensors(state), state_tensors(copy_state)))
    padded_output(config, output).sum().backward()
    return same and all(p.grad is not None and bool(p.grad.abs().sum() > 0) for p in initial)


if __name__ == "__main__":
    main(holds)
