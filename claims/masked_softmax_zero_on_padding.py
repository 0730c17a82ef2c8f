"""Attention weights over output, with the padding masked before the softmax.

A Linear(D * H_out, 1) head scores every step of output (padded back if packed, by
pad_packed_sequence with the same batch_first: the grid's batch_first axis is both) in the module's
own layout; the mask is built as the pages build it, (batch, seq_len); the scores of steps at or
after each sequence's length are filled with -inf; the softmax over the steps must give them exactly
0 and the real steps weights that sum to 1. Time-major scores are (seq_len, batch): the mask as
written does not fit them (an error, or the wrong entries when seq_len == batch).
"""

import torch
from torch import nn

from lstm_site.claim_grid import SEQ_LEN, Config, main, padded_output, run, seed

SENTENCE = (
    "With `scores = head(output).squeeze(-1)` in `output`'s layout (the module's "
    "`batch_first`, or for packed input the `batch_first` given to `pad_packed_sequence`), "
    "`mask = torch.arange(seq_len) < lengths[:, None]` and "
    '`scores.masked_fill(~mask, float("-inf"))` before the softmax over the steps, every '
    "padded step gets exactly 0 weight, and each sequence's real steps share all of it."
)


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to mask
    with torch.no_grad():
        output, _ = run(config)
        padded = padded_output(config, output)  # the module's layout
        seed(4)
        scores = nn.Linear(padded.shape[-1], 1)(padded).squeeze(-1)
    mask = torch.arange(SEQ_LEN) < config.lengths[:, None]  # (batch, seq_len)
    steps = 1 if config.batch_first else 0
    try:
        masked = scores.masked_fill(~mask, float("-inf"))
    except RuntimeError:
        return False  # the mask does not fit time-major scores
    weights = torch.softmax(masked, dim=steps)
    return bool((weights[~mask] == 0).all()) and torch.allclose(
        weights.sum(dim=steps), torch.ones(3)
    )


if __name__ == "__main__":
    main(holds)
