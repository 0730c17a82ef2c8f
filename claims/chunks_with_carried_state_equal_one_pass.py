"""A sequence fed in chunks of 1, 2 and 2 steps, each call starting from the state the previous
call returned, against one pass over it.

The outputs, concatenated along time, and the final state are compared with torch.allclose
(atol=1e-6): on some configurations they differ in the last bits (a projection, for one), which
is float rounding, not a different result. Packed input is a whole batch of sequences of their
own lengths, which cannot be cut into chunks of the same steps: the claim does not speak of it.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    close,
    main,
    module,
    padded_input,
    state_tensors,
    time_dim,
)

SENTENCE = (
    "Fed in chunks, each call starting from the state the previous call returned, the module "
    "gives the `output` (concatenated along time) and final state of one pass over the whole "
    "sequence, equal up to float rounding."
)


def holds(config: Config) -> bool | None:
    if config.input == "packed":
        return None
    rnn = module(config)
    x, dim = padded_input(config), time_dim(config)
    with torch.no_grad():
        output, state = rnn(x)
        outputs, carried = [], None
        for chunk in x.split([1, 2, 2], dim=dim):
            chunk_output, carried = rnn(chunk, carried)
            outputs.append(chunk_output)
    same_output = close(torch.cat(outputs, dim=dim), output)
    return same_output and all(map(close, state_tensors(carried), state_tensors(state)))


if __name__ == "__main__":
    main(holds)
