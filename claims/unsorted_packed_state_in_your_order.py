"""With enforce_sorted=False: the module's h_n (and c_n) against a run sorted by hand.

The batch is sorted longest first by hand and packed with enforce_sorted=True; its final
states, put back in the original order, must be the unsorted run's, bit for bit.
"""

import torch
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.claim_grid import (
    Config,
    main,
    module,
    padded_input,
    run,
    state_tensors,
    steps_first,
)

SENTENCE = (
    "With `enforce_sorted=False`, row `i` of `h_n` (and of `c_n`) is sequence `i` of your batch: "
    "the module un-sorts the states itself."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    order = torch.argsort(config.lengths, descending=True)
    sorted_x = steps_first(config, padded_input(config))[:, order]
    packed = pack_padded_sequence(sorted_x, config.lengths[order], enforce_sorted=True)
    with torch.no_grad():
        _, state = run(config)
        _, by_hand = module(config)(packed)
    return all(
        torch.equal(mine[:, order], sorted_state)
        for mine, sorted_state in zip(state_tensors(state), state_tensors(by_hand), strict=True)
    )


if __name__ == "__main__":
    main(holds)
