"""output of a module whose gates are driven into saturation: is any entry exactly 1.0?

Every parameter is set to 10 and the input to 1000 * |x|, so every pre-activation is large and
positive: sigmoid and tanh then round to exactly 1.0 in float32. For nn.GRU the update gate's
blocks (the second of r, z, n) are set to -10, so that z is 0 and h_t is n_t. For nn.LSTM,
h_t = o_t * tanh(c_t) reaches 1.0 only once |c_t| is past about 9, which takes more steps than
the grid's 5: the cell state starts at 10 instead, as after a long sequence.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    as_model_input,
    initial_state,
    main,
    module,
    padded_input,
    padded_output,
)

SENTENCE = (
    "In float32, saturated gates make entries of `output` exactly 1.0: the bound is the closed "
    "interval [-1, 1], reached, not the open (-1, 1)."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    state = None
    with torch.no_grad():
        for name, weight in rnn.named_parameters():
            weight.fill_(10.0)
            if config.module == "GRU" and not name.startswith("weight_hr"):
                weight.chunk(3, dim=0)[1].fill_(-10.0)  # z, the update gate
        if config.module == "LSTM":
            h_0, c_0 = initial_state(config)
            state = (torch.zeros_like(h_0), torch.full_like(c_0, 10.0))
        output, _ = rnn(as_model_input(config, 1000 * padded_input(config).abs()), state)
    return bool((padded_output(config, output).abs() == 1).any())


if __name__ == "__main__":
    main(holds)
