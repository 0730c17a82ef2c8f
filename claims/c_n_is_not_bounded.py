"""c_n of an nn.LSTM whose gates are driven into saturation: is any entry past 1?

Every parameter is set to 1 and the input to 1000 * |x|: the input and forget gates are then
about 1 and the candidate g about 1, so the cell state grows by about 1 a step (c_t = c_{t-1} +
1), while h_t = o_t * tanh(c_t) stays within [-1, 1] (without a projection).
"""

import torch

from lstm_site.claim_grid import Config, as_model_input, main, module, padded_input

SENTENCE = "`c_n` is not squashed: it grows past 1 when the gates keep adding to it."


def holds(config: Config) -> bool | None:
    if config.module != "LSTM":
        return None
    rnn = module(config)
    with torch.no_grad():
        for weight in rnn.parameters():
            weight.fill_(1.0)
        _, (_, c_n) = rnn(as_model_input(config, 1000 * padded_input(config).abs()))
    return bool((c_n.abs() > 1).any())


if __name__ == "__main__":
    main(holds)
