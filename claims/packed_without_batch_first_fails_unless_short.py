"""A batch-first padded batch packed without batch_first=True, with enforce_sorted=False.

pack_padded_sequence then reads (batch, seq_len) as (seq_len, batch). On several batches (some
lengths above the batch size, a batch above the padded seq_len, neither), the mistake must raise
(in packing or in the module) exactly when one of the two holds, and where it runs its final
state must differ from the one of the same batch packed with batch_first=True.
"""

import torch
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.claim_grid import INPUT_SIZE, Config, final_hidden, main, module, seed

SENTENCE = (
    "A batch-first tensor `(batch, seq_len, …)` given to `pack_padded_sequence` without "
    "`batch_first=True` and with `enforce_sorted=False` raises an error (in packing, or in the "
    "module) when a length is above `batch` or `batch` is above the padded `seq_len`; otherwise "
    "it runs and the module returns another `h_n` than with `batch_first=True`."
)
# (lengths, padded seq_len): a length above the batch; the batch above seq_len; neither.
BATCHES = [
    ((5, 2, 4), 5),
    ((3, 3, 2, 1), 3),
    ((3, 2, 2), 3),
    ((2, 2, 1), 3),
    ((4, 4, 4, 1), 6),
    ((2, 1, 2, 1, 2), 4),
]


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None  # the claim speaks of packing
    rnn = module(config)
    seed(2)
    for lengths, seq_len in BATCHES:
        x = torch.randn(len(lengths), seq_len, INPUT_SIZE)  # batch first
        for column, length in enumerate(lengths):
            x[column, length:] = 0.0
        lengths = torch.tensor(lengths)
        raises = bool(lengths.max() > len(lengths)) or len(lengths) > seq_len
        with torch.no_grad():
            try:
                wrong = rnn(pack_padded_sequence(x, lengths, enforce_sorted=False))[1]
            except RuntimeError:
                if not raises:
                    return False
                continue
            if raises:
                return False
            right = rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
        if torch.allclose(final_hidden(wrong), final_hidden(right[1])):
            return False
    return True


if __name__ == "__main__":
    main(holds)
