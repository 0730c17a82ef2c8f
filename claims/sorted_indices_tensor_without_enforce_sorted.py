"""Sequences already sorted longest first, packed with enforce_sorted=False: sorted_indices of
the packed input and of the module's packed output."""

import torch
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.claim_grid import Config, main, module, padded_input, steps_first

SENTENCE = (
    "Packed with `enforce_sorted=False`, a batch has `sorted_indices` and `unsorted_indices` "
    "tensors, and so does the module's packed `output`, even when the lengths were already "
    "sorted longest first."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    order = torch.argsort(config.lengths, descending=True)
    already_sorted = steps_first(config, padded_input(config))[:, order]
    packed = pack_padded_sequence(already_sorted, config.lengths[order], enforce_sorted=False)
    with torch.no_grad():
        output, _ = module(config)(packed)  # packed data has no layout: batch_first plays no part
    return all(
        isinstance(p.sorted_indices, torch.Tensor) and isinstance(p.unsorted_indices, torch.Tensor)
        for p in (packed, output)
    )


if __name__ == "__main__":
    main(holds)
