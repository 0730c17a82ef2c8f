"""Masked attention pooling over a padded batch's output against each sequence run alone.

A Linear(D * H_out, 1) scores every step; padded steps are masked with -inf; the pooled vector,
the weighted sum of output over the steps, is compared with the same pooling over the output of
the sequence run alone (cut at its length, unbatched), with torch.allclose (atol=1e-6): a batch
and a lone run differ in the last bits. A bidirectional module's backward half, run over the
padding without packing, has read the zeros before each sequence's real steps.
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    Config,
    close,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    seed,
    steps_first,
)

SENTENCE = (
    "With the padding masked, each sequence's attention-pooled vector is that of the sequence "
    "run alone, as if there were no padding, equal up to float rounding."
)


def pool(score: nn.Linear, output: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """output (steps, features) and mask (steps,) -> the masked, weighted sum (features,)."""
    weights = torch.softmax(score(output).squeeze(-1).masked_fill(~mask, float("-inf")), dim=0)
    return weights @ output


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to mask
    rnn = module(config)
    by_step = steps_first(config, padded_input(config))
    with torch.no_grad():
        output, _ = rnn(model_input(config))
        output = steps_first(config, padded_output(config, output))
        seed(4)
        score = nn.Linear(output.shape[-1], 1)
        for sequence, length in enumerate(config.lengths.tolist()):
            mask = torch.arange(output.shape[0]) < length
            alone, _ = rnn(by_step[:length, sequence])
            if not close(pool(score, output[:, sequence], mask), pool(score, alone, mask[:length])):
                return False
    return True


if __name__ == "__main__":
    main(holds)
