"""`output, (h_n, c_n) = gru(x)`, run as written on nn.GRU and nn.RNN.

Where it runs, the two names are compared with rows 0 and 1 of the module's real h_n.
"""

import torch

from lstm_site.claim_grid import Config, main, run

SENTENCE = (
    "`output, (h_n, c_n) = gru(x)` runs without an error on an `nn.GRU` or `nn.RNN`, and then "
    "`h_n` and `c_n` are rows 0 and 1 of the hidden state: there is no cell state."
)


def holds(config: Config) -> bool | None:
    if config.module == "LSTM":
        return None
    with torch.no_grad():
        _, real_h_n = run(config)
        try:
            _, (h_n, c_n) = run(config)
        except ValueError:  # not enough / too many values to unpack
            return False
    return torch.equal(h_n, real_h_n[0]) and torch.equal(c_n, real_h_n[1])


if __name__ == "__main__":
    main(holds)
