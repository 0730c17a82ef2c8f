"""Sequences sorted longest first, packed with enforce_sorted=True (the default):
sorted_indices of the packed input and of the module's packed output."""

import torch
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.claim_grid import Config, main, module, padded_input, steps_first

SENTENCE = (
    "Packed with `enforce_sorted=True`, the default, a batch sorted longest first has "
    "`sorted_indices` and `unsorted_indices` of `None`, and so does the module's packed `output`."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    order = torch.argsort(config.lengths, descending=True)
    already_sorted = steps_first(config, padded_input(config))[:, order]
    packed = pack_padded_sequence(already_sorted, config.lengths[order], enforce_sorted=True)
    with torch.no_grad():
        output, _ = module(config)(packed)
    return all(p.sorted_indices is None and p.unsorted_indices is None for p in (packed, output))


if __name__ == "__main__":
    main(holds)
