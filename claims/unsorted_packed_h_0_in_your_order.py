"""With enforce_sorted=False and a random h_0 in the batch's own order, against a run sorted by
hand with h_0's rows sorted the same way (enforce_sorted=True), put back in the original order.
"""

import torch
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.claim_grid import (
    Config,
    initial_state,
    main,
    model_input,
    module,
    padded_input,
    state_tensors,
    steps_first,
)

SENTENCE = (
    "With `enforce_sorted=False`, row `i` of `h_0` (and of `c_0`) is the initial state of "
    "sequence `i` of your batch: the module sorts it itself."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    order = torch.argsort(config.lengths, descending=True)
    sorted_x = steps_first(config, padded_input(config))[:, order]
    packed = pack_padded_sequence(sorted_x, config.lengths[order], enforce_sorted=True)
    start = state_tensors(initial_state(config))
    sorted_start = tuple(t[:, order] for t in start)
    rnn = module(config)
    with torch.no_grad():
        _, state = rnn(model_input(config), start if len(start) == 2 else start[0])
        _, by_hand = rnn(packed, sorted_start if len(start) == 2 else sorted_start[0])
    return all(
        torch.equal(mine[:, order], sorted_state)
        for mine, sorted_state in zip(state_tensors(state), state_tensors(by_hand), strict=True)
    )


if __name__ == "__main__":
    main(holds)
