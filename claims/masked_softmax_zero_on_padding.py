"""Attention weights over output, with the padding masked before the softmax.

A Linear(D * H_out, 1) scores every step of output (padded back if packed); the scores of steps
at or after each sequence's length are filled with -inf; the softmax over the steps must give
them exactly 0 and the real steps weights that sum to 1.
"""

import torch
from torch import nn

from lstm_site.claim_grid import SEQ_LEN, Config, main, padded_output, run, steps_first

SENTENCE = (
    'With `scores.masked_fill(~mask, float("-inf"))` before the softmax over the steps, every '
    "padded step gets exactly 0 weight, and each sequence's real steps share all of it."
)


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to mask
    with torch.no_grad():
        output, _ = run(config)
        by_batch = steps_first(config, padded_output(config, output)).transpose(0, 1)
        torch.manual_seed(4)
        scores = nn.Linear(by_batch.shape[-1], 1)(by_batch).squeeze(-1)  # (batch, seq_len)
    mask = torch.arange(SEQ_LEN) < config.lengths[:, None]
    weights = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=1)
    return bool((weights[~mask] == 0).all()) and torch.allclose(weights.sum(dim=1), torch.ones(3))


if __name__ == "__main__":
    main(holds)
