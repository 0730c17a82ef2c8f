"""The returned final state, passed back as the initial state of a call on the same input."""

import torch

from lstm_site.claim_grid import Config, main, model_input, module

SENTENCE = (
    "The returned final state has the shapes the initial state must have: `(h_n, c_n)` (a GRU's "
    "or RNN's `h_n`) can be passed as the next call's initial state, on a batch of the same size."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    with torch.no_grad():
        _, state = rnn(model_input(config))
        try:
            rnn(model_input(config), state)
        except RuntimeError:
            return False
    return True


if __name__ == "__main__":
    main(holds)
