"""Per-step logits flattened with reshape(-1, C) against (batch, seq_len) tags flattened alike.

logits = Linear(D * H_out, C)(output), output in the module's own layout (padded back if packed, by
pad_packed_sequence with the same batch_first: the grid's batch_first axis is both). The reference
scores logits[b, t] against tags[b, t] for every sequence b and step t, indexing the steps where the
layout has them. Every step is scored, padding included: the claim is about which step meets which
tag. Compared up to float rounding (claim_grid.close).
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    BATCH,
    SEQ_LEN,
    Config,
    close,
    main,
    padded_output,
    run,
    seed,
    steps_first,
)

SENTENCE = (
    "`CrossEntropyLoss()(logits.reshape(-1, C), tags.reshape(-1))`, with `tags` of shape "
    "`(batch, seq_len)` and `logits = head(output)` in `output`'s layout (the module's "
    "`batch_first`, or for packed input the `batch_first` given to `pad_packed_sequence`), "
    "scores each step against its own tag."
)
CLASSES = 4


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # no (batch, seq_len) tags
    with torch.no_grad():
        output = padded_output(config, run(config)[0])
        seed(4)
        logits = nn.Linear(output.shape[-1], CLASSES)(output)
    tags = torch.randint(0, CLASSES, (BATCH, SEQ_LEN), generator=torch.Generator().manual_seed(5))
    loss = nn.CrossEntropyLoss()(logits.reshape(-1, CLASSES), tags.reshape(-1))
    by_sequence = steps_first(config, logits).transpose(0, 1)  # (batch, seq_len, C)
    reference = nn.CrossEntropyLoss()(by_sequence.reshape(-1, CLASSES), tags.reshape(-1))
    return close(loss, reference)


if __name__ == "__main__":
    main(holds)
