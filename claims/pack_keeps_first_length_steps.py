"""What pack_padded_sequence keeps of a left-padded batch: the first `length` steps of each.

The configuration's padded input (zeros after each sequence's length) is turned into left
padding: each sequence rolled along the steps by its padding, so the zeros come first. It is
packed with the lengths and padded back; the claim holds when that equals the left-padded input
with every step from `length` on set to zero, bit for bit.
"""

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from lstm_site.claim_grid import SEQ_LEN, Config, main, padded_input, steps_first

SENTENCE = (
    "`pack_padded_sequence(x, lengths, batch_first=batch_first, enforce_sorted=False)`, with "
    "`x` in the layout `batch_first` names, keeps the first `lengths[i]` steps of sequence "
    "`i`, padding or not, and drops the rest: on left-padded input it keeps padding and drops "
    "real steps."
)


def left_padded(config: Config) -> torch.Tensor:
    """The padded input with each sequence's zeros moved before its real steps, steps first."""
    x = steps_first(config, padded_input(config)).clone()
    for sequence, length in enumerate(config.lengths.tolist()):
        x[:, sequence] = x[:, sequence].roll(SEQ_LEN - length, dims=0)
    return x


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to place on the left
    x = left_padded(config)
    packed = pack_padded_sequence(
        steps_first(config, x),
        config.lengths,
        batch_first=config.batch_first,
        enforce_sorted=False,
    )
    back = steps_first(config, pad_packed_sequence(packed, batch_first=config.batch_first)[0])
    kept = x * (torch.arange(SEQ_LEN).unsqueeze(1) < config.lengths).unsqueeze(-1)
    return torch.equal(back, kept)


if __name__ == "__main__":
    main(holds)
