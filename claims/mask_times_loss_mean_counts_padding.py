"""The denominator of two ways to leave padding out of a per-step cross-entropy.

logits = Linear(D * H_out, C)(output), output the configuration's own (padded back if packed).
ignore_index: the padding's tags set to -100, reduction "mean". Mask: reduction "none", the
per-step losses multiplied by a 0/1 mask of the real steps, then .mean(). The claim holds when
the mask's mean is the ignore_index loss times (real steps) / (batch * seq_len), up to float
rounding, and not the ignore_index loss itself.
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
    "`ignore_index` divides the summed loss by the number of real steps; per-step losses "
    '(`reduction="none"`) multiplied by a 0/1 mask and then `.mean()` divide by '
    "`batch * seq_len`, padding included, so that loss is smaller by the padding's share."
)
CLASSES = 4


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to leave out
    with torch.no_grad():
        output = steps_first(config, padded_output(config, run(config)[0]))
        seed(4)
        logits = nn.Linear(output.shape[-1], CLASSES)(output).transpose(0, 1).reshape(-1, CLASSES)
    tags = torch.randint(0, CLASSES, (BATCH, SEQ_LEN), generator=torch.Generator().manual_seed(5))
    mask = torch.arange(SEQ_LEN) < config.lengths.unsqueeze(1)  # (batch, seq_len)
    ignored = tags.masked_fill(~mask, -100).reshape(-1)
    by_ignore_index = nn.CrossEntropyLoss()(logits, ignored)
    per_step = nn.CrossEntropyLoss(reduction="none")(logits, tags.reshape(-1))
    by_mask = (per_step * mask.reshape(-1)).mean()
    share = mask.sum() / mask.numel()
    return close(by_mask, by_ignore_index * share) and not close(by_mask, by_ignore_index)


if __name__ == "__main__":
    main(holds)
