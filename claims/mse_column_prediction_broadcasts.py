"""nn.MSELoss of a (batch, 1) prediction from h_n[-1] against a (batch,) target.

The prediction is Linear(H_out, 1)(h_n[-1]) of the configuration's run (for a bidirectional
module h_n[-1] is the backward direction: the claim is about the loss, not the summary). The
claim holds when torch warns (a UserWarning naming both sizes) and the loss is the mean over
every (prediction, target) pair. (Where every prediction is alike, as a saturated top layer can
make them, that mean happens to be the mean over each sequence's own pair too.)
"""

import warnings

import torch
from torch import nn

from lstm_site.claim_grid import BATCH, Config, close, final_hidden, main, run, seed

SENTENCE = (
    "`nn.MSELoss()` of a `(batch, 1)` prediction against a `(batch,)` target warns "
    "(`UserWarning`) and averages the squared error over all `batch * batch` pairs of "
    "prediction and target."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # one sequence: no batch of targets
    with torch.no_grad():
        _, state = run(config)
        seed(4)
        prediction = nn.Linear(config.out_size, 1)(final_hidden(state)[-1])  # (batch, 1)
    target = torch.randn(BATCH, generator=torch.Generator().manual_seed(5))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = nn.MSELoss()(prediction, target)
    warned = any(
        issubclass(w.category, UserWarning) and "different to the input size" in str(w.message)
        for w in caught
    )
    every_pair = ((prediction - target.unsqueeze(0)) ** 2).mean()  # (batch, batch)
    return warned and close(loss, every_pair)


if __name__ == "__main__":
    main(holds)
