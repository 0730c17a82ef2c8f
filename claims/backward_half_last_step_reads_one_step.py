"""The backward half of output at the last step, before and after changing every earlier step.

The last step is each sequence's step `length - 1` when packed, the last step of the tensor
otherwise. Every input step before it is redrawn; the backward half there must not move.
"""

import torch

from lstm_site.claim_grid import (
    SEQ_LEN,
    Config,
    as_model_input,
    main,
    module,
    padded_input,
    padded_output,
    steps_first,
)

SENTENCE = (
    "The backward half of `output` at the last step has read that step only: changing any "
    "earlier input step leaves it unchanged."
)


def last_backward(config: Config, rnn, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        output, _ = rnn(as_model_input(config, x))
    by_step = steps_first(config, padded_output(config, output))[..., config.out_size :]
    if config.input == "packed":
        return by_step[config.lengths - 1, torch.arange(len(config.lengths))]
    return by_step[-1]


def holds(config: Config) -> bool | None:
    if not config.bidirectional:
        return None
    rnn = module(config)
    x = padded_input(config)
    changed = x.clone()
    by_step = steps_first(config, changed)  # a view: writing it writes `changed`
    lasts = config.lengths - 1 if config.input == "packed" else torch.full((1,), SEQ_LEN - 1)
    generator = torch.Generator().manual_seed(3)
    for column, last in enumerate(lasts.tolist()):
        earlier = by_step[:last, column] if config.input == "packed" else by_step[:last]
        earlier.copy_(torch.randn(earlier.shape, generator=generator))
    return torch.equal(last_backward(config, rnn, x), last_backward(config, rnn, changed))


if __name__ == "__main__":
    main(holds)
