"""h_n[-1] against output at each sequence's own last real step.

The last real step is `length - 1` (claim_grid.LENGTHS for padded and packed input, the last
step otherwise), taken from output (padded back if packed) in the module's layout. With two
directions output is twice as wide as h_n[-1], so the two differ.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    final_hidden,
    last_valid_steps,
    main,
    padded_output,
    run,
)

SENTENCE = (
    "`h_n[-1]` equals `output` at each sequence's last real step (step `length - 1`), so it "
    "summarises each sequence."
)


def holds(config: Config) -> bool:
    with torch.no_grad():
        output, state = run(config)
    last = last_valid_steps(config, padded_output(config, output))
    return torch.equal(final_hidden(state)[-1], last)


if __name__ == "__main__":
    main(holds)
