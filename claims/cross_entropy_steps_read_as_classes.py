"""Per-step logits (batch, seq_len, num_tags) into nn.CrossEntropyLoss when num_tags == seq_len.

A Linear(D * H_out, SEQ_LEN) tags every step of output (padded back if packed), laid out batch
first whatever the module's layout. CrossEntropyLoss reads dimension 1 as the classes: with as
many tags as steps it raises nothing, and its loss differs from the one on
logits.transpose(1, 2), the right layout.
"""

import torch
from torch import nn

from lstm_site.claim_grid import BATCH, SEQ_LEN, Config, main, padded_output, run, seed, steps_first

SENTENCE = (
    "Per-step logits laid out `(batch, seq_len, num_tags)` with `num_tags` equal to `seq_len` "
    "go through `nn.CrossEntropyLoss` without an error, and give another loss than "
    "`logits.transpose(1, 2)`, the layout it expects."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # one sequence: no batch dimension to put first
    with torch.no_grad():
        output, _ = run(config)
        by_batch = steps_first(config, padded_output(config, output)).transpose(0, 1)
        seed(4)
        logits = nn.Linear(by_batch.shape[-1], SEQ_LEN)(by_batch)  # (batch, seq_len, num_tags)
        tags = torch.randint(0, SEQ_LEN, (BATCH, SEQ_LEN))
        try:
            wrong = nn.CrossEntropyLoss()(logits, tags)
        except (RuntimeError, ValueError):
            return False
        right = nn.CrossEntropyLoss()(logits.transpose(1, 2), tags)
    return not torch.allclose(wrong, right)


if __name__ == "__main__":
    main(holds)
