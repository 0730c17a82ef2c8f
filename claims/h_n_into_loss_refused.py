"""A Linear head on all of h_n, then nn.CrossEntropyLoss against one class per sequence."""

import torch
from torch import nn

from lstm_site.claim_grid import BATCH, Config, final_hidden, main, run, seed

SENTENCE = (
    "A classifier applied to all of `h_n` keeps its first dimension, `D * num_layers`, and "
    "`nn.CrossEntropyLoss` refuses the logits against one class per sequence."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # one sequence: no batch of targets
    with torch.no_grad():
        _, state = run(config)
    seed(4)
    logits = nn.Linear(config.out_size, 4)(final_hidden(state))
    try:
        nn.CrossEntropyLoss()(logits, torch.zeros(BATCH, dtype=torch.long))
    except (RuntimeError, ValueError):
        return True
    return False


if __name__ == "__main__":
    main(holds)
