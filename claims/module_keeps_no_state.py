"""Two calls of one module on the same input, without a state: in eval mode with dropout between
layers, and in training mode without it; and in training with dropout, where layers are stacked."""

import torch

from lstm_site.claim_grid import Config, main, model_input, module, padded_output, state_tensors

SENTENCE = (
    "In eval mode, or in training with `dropout=0`, two calls on the same input, without a "
    "state, give the same `output` and final state: the module keeps nothing from one call to "
    "the next, and each call starts from zeros. In training with `dropout` > 0 and "
    "`num_layers` > 1, two such calls differ: each draws a new dropout mask between layers, "
    "which is randomness, not state."
)


def same_twice(config: Config, rnn: torch.nn.RNNBase, x) -> bool:
    with torch.no_grad():
        first_output, first_state = rnn(x)
        second_output, second_state = rnn(x)
    same = torch.equal(padded_output(config, first_output), padded_output(config, second_output))
    pairs = zip(state_tensors(first_state), state_tensors(second_state), strict=True)
    return same and all(torch.equal(a, b) for a, b in pairs)


def holds(config: Config) -> bool:
    x = model_input(config)
    # nn.LSTM warns about dropout with one layer, where it never applies.
    dropout = 0.5 if config.num_layers > 1 else 0.0
    rnn = module(config, dropout=dropout)  # in eval mode
    if not (same_twice(config, rnn, x) and same_twice(config, module(config).train(), x)):
        return False
    return dropout == 0.0 or not same_twice(config, rnn.train(), x)


if __name__ == "__main__":
    main(holds)
