"""Per-step cross-entropy with the classes in dimension 1 against one row per step.

logits = Linear(D * H_out, C)(output), output in the module's layout (padded back if packed),
tags (batch, seq_len). The classes go to dimension 1 with a permute of the module's layout:
(batch, C, seq_len). The rows go sequence by sequence: (batch * seq_len, C). Compared up to
float rounding (claim_grid.close): the two reductions add in another order.
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
    "Per-step cross-entropy over logits of shape `(batch, C, seq_len)` (the classes moved to "
    "dimension 1) equals the loss over one row per step, `(batch * seq_len, C)`, up to float "
    "rounding."
)
CLASSES = 4


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # one sequence: its logits are already one row per step
    with torch.no_grad():
        output = padded_output(config, run(config)[0])
        seed(4)
        logits = nn.Linear(output.shape[-1], CLASSES)(output)
    tags = torch.randint(0, CLASSES, (BATCH, SEQ_LEN), generator=torch.Generator().manual_seed(5))
    by_sequence = steps_first(config, logits).transpose(0, 1)  # (batch, seq_len, C)
    class_dim_one = nn.CrossEntropyLoss()(by_sequence.permute(0, 2, 1), tags)
    flat = nn.CrossEntropyLoss()(by_sequence.reshape(-1, CLASSES), tags.reshape(-1))
    return close(class_dim_one, flat)


if __name__ == "__main__":
    main(holds)
