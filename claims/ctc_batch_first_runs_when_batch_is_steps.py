"""Batch-first log-probs into nn.CTCLoss when batch == seq_len.

A Linear(D * H_out, 4) and log_softmax give per-step log-probs from output (padded back if
packed), cut to the first BATCH steps so that the steps are as many as the sequences, and laid
out batch first, (N, T, C). CTCLoss reads (T, N, C): it raises nothing, and its loss differs from
the one on log_probs.transpose(0, 1), the right layout.
"""

import torch
from torch import nn

from lstm_site.claim_grid import BATCH, Config, main, padded_output, run, seed, steps_first

SENTENCE = (
    "Batch-first log-probs `(N, T, C)` with `N` equal to `T` go through `nn.CTCLoss` without an "
    "error, and give another loss than `log_probs.transpose(0, 1)`, the layout it expects."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # one sequence: no batch dimension to put first
    with torch.no_grad():
        output, _ = run(config)
        steps = steps_first(config, padded_output(config, output))[:BATCH]  # T == N
        seed(4)
        log_probs = nn.Linear(steps.shape[-1], 4)(steps).log_softmax(2).transpose(0, 1)
        targets = torch.randint(1, 4, (BATCH, 2))
        lengths = torch.full((BATCH,), BATCH), torch.full((BATCH,), 2)
        ctc = nn.CTCLoss()
        try:
            wrong = ctc(log_probs, targets, *lengths)
        except (RuntimeError, ValueError):
            return False
        right = ctc(log_probs.transpose(0, 1), targets, *lengths)
    return not torch.allclose(wrong, right)


if __name__ == "__main__":
    main(holds)
