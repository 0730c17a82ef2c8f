"""A bound must hold for every weight, so the check makes the weights as large as it can.

Every weight is set to +-10 (saturated gates; a projection then sums hidden_size values of
nearly +-1) and every entry of output is compared with the closed interval [-1, 1].
"""

import torch

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "From a zero initial state, every entry of `output` lies between -1 and 1 (inclusive), "
    "whatever the weights (nn.RNN with its default `tanh`; a GRU whose `h_0` leaves [-1, 1], or "
    "`nonlinearity='relu'`, can go past it)."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    with torch.no_grad():
        for weight in rnn.parameters():
            weight.copy_(10 * torch.sign(torch.randn_like(weight)))
        output, _ = rnn(model_input(config))
    return bool(padded_output(config, output).abs().max() <= 1)


if __name__ == "__main__":
    main(holds)
