"""The module against its cell class called once per step (claim_grid.unroll).

nn.LSTMCell, nn.GRUCell or nn.RNNCell, holding one layer and direction's weights, runs every
step of every sequence; the outputs and final states are compared with torch.allclose
(atol=1e-6): the cell's kernels add in another order than the module's, which changes the last
bits. A cell has no projection, so with proj_size it cannot hold the weights: not applicable.
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    HIDDEN_SIZE,
    Config,
    NotApplicable,
    close,
    main,
    model_input,
    module,
    padded_output,
    state_tensors,
    steps_first,
    unroll,
)

SENTENCE = (
    "The module is its cell in a loop: an `nn.LSTMCell` (`nn.GRUCell`, `nn.RNNCell`) holding one "
    "layer's weights, called once per step, gives `output` and the final state, equal up to "
    "float rounding."
)


def cell_step(kind: str):
    def make_step(weights: dict):
        cell = getattr(nn, f"{kind}Cell")(weights["weight_ih"].shape[1], HIDDEN_SIZE)
        with torch.no_grad():
            for name, weight in cell.named_parameters():
                weight.copy_(weights[name])
        if kind == "LSTM":
            return lambda x_t, state: cell(x_t, state)
        return lambda x_t, state: (cell(x_t, None if state is None else state[0]),)

    return make_step


def holds(config: Config) -> bool:
    if config.proj_size:
        raise NotApplicable("a cell has no projection")
    rnn = module(config)
    with torch.no_grad():
        output, state = rnn(model_input(config))
        loop_output, loop_states = unroll(config, rnn, cell_step(config.module))
    same_output = close(steps_first(config, padded_output(config, output)), loop_output)
    return same_output and all(map(close, state_tensors(state), loop_states))


if __name__ == "__main__":
    main(holds)
