"""nn.LSTM against its equations, written out with the gate blocks read in the order i, f, g, o.

Each step: gates = x_t W_ih^T + b_ih + h W_hh^T + b_hh, cut into four blocks i, f, g, o;
c = sigmoid(f) * c + sigmoid(i) * tanh(g); h = sigmoid(o) * tanh(c), then h W_hr^T with a
projection. Compared with torch.allclose (atol=1e-6): the module's kernels add in another order.
"""

import torch

from lstm_site.claim_grid import (
    HIDDEN_SIZE,
    Config,
    close,
    main,
    model_input,
    module,
    padded_output,
    steps_first,
    unroll,
)

SENTENCE = (
    "Each step computes the gates `i, f, g, o` from the weight blocks in that order, "
    "`c_t = f_t * c_{t-1} + i_t * g_t` and `h_t = o_t * tanh(c_t)` (times `W_hr` with "
    "`proj_size`): written out by hand, these give `output`, `h_n` and `c_n`, equal up to float "
    "rounding."
)


def make_step(weights: dict):
    projection = weights.get("weight_hr")

    def step(x_t: torch.Tensor, state):
        if state is None:
            size = projection.shape[0] if projection is not None else HIDDEN_SIZE
            state = (torch.zeros(1, size), torch.zeros(1, HIDDEN_SIZE))
        h, c = state
        gates = x_t @ weights["weight_ih"].T + weights["bias_ih"]
        gates = gates + h @ weights["weight_hh"].T + weights["bias_hh"]
        i, f, g, o = gates.chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return (h if projection is None else h @ projection.T), c

    return step


def holds(config: Config) -> bool | None:
    if config.module != "LSTM":
        return None
    rnn = module(config)
    with torch.no_grad():
        output, state = rnn(model_input(config))
        hand_output, hand_states = unroll(config, rnn, make_step)
    same_output = close(steps_first(config, padded_output(config, output)), hand_output)
    return same_output and all(map(close, state, hand_states))


if __name__ == "__main__":
    main(holds)
