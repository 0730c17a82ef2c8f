"""A state of a bigger batch sliced to this one, h[:, :batch]: not is_contiguous()."""

import torch

from lstm_site.claim_grid import BATCH, Config, final_hidden, main, module, padded_input

SENTENCE = (
    "A state kept from a bigger batch and sliced to the current one, `h[:, :batch]`, is not "
    "contiguous; on a GPU, cuDNN wants `h_0` and `c_0` contiguous, so add `.contiguous()`."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # no batch to slice
    x = padded_input(config)
    rnn = module(config)
    dim = 0 if config.batch_first else 1
    with torch.no_grad():
        _, state = rnn(torch.cat([x, x], dim=dim))  # a batch of 2 * batch sequences
    return not final_hidden(state)[:, :BATCH].is_contiguous()


if __name__ == "__main__":
    main(holds)
