"""output[lengths - 1, torch.arange(batch)], evaluated as written, against the packed run's h_n[-1].

output is the configuration's own (padded back if packed); the reference is h_n[-1] of the same
module on the same sequences packed (claim_grid.LENGTHS for padded and packed input, full
lengths for a batch without padding). Code that raises does not gather the step. Compared with
torch.allclose (atol=1e-6): an unpacked run of a padded batch and a packed run take different
kernels, and nn.LSTM's then differ in the last bits.
"""

import torch
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.claim_grid import (
    BATCH,
    Config,
    close,
    final_hidden,
    main,
    module,
    padded_input,
    padded_output,
    run,
)

SENTENCE = (
    "`output[lengths - 1, torch.arange(batch)]` gathers each sequence's last real step from a "
    "padded `output`: it equals `h_n[-1]` of the packed run, up to float rounding."
)


def packed_h_n_top(config: Config) -> torch.Tensor:
    packed = pack_padded_sequence(
        padded_input(config), config.lengths, batch_first=config.batch_first, enforce_sorted=False
    )
    with torch.no_grad():
        _, state = module(config)(packed)
    return final_hidden(state)[-1]


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # no batch to index
    lengths = config.lengths
    with torch.no_grad():
        output = padded_output(config, run(config)[0])
    try:
        gathered = output[lengths - 1, torch.arange(BATCH)]
    except IndexError:
        return False
    return close(gathered, packed_h_n_top(config))


if __name__ == "__main__":
    main(holds)
