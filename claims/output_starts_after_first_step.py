"""Step 0 of output, from a random initial state, against a run on the first step alone.

The first input step (of every sequence: all lengths are at least 1) is fed alone, as a plain
tensor, from the same initial state; its one output step must be step 0 of output, up to float
rounding (torch.allclose, atol=1e-6): a one-step call may take another kernel path than the
whole sequence, and then differs in the last bits.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    close,
    initial_state,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    steps_first,
    time_dim,
)

SENTENCE = (
    "With an initial state passed in, step 0 of `output` is not `h_0` but the state after "
    "reading the first input step: a run on that step alone, from the same initial state, "
    "returns it, up to float rounding."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    h_0 = initial_state(config)
    with torch.no_grad():
        output, _ = rnn(model_input(config), h_0)
        first, _ = rnn(padded_input(config).narrow(time_dim(config), 0, 1), h_0)
    step_0 = steps_first(config, padded_output(config, output))[0]
    return close(step_0, steps_first(config, first)[0])


if __name__ == "__main__":
    main(holds)
