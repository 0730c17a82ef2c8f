"""h_n.view(batch, -1) against each sequence's rows of h_n, concatenated."""

import torch

from lstm_site.claim_grid import BATCH, Config, final_hidden, main, run

SENTENCE = (
    "`h_n.view(batch, -1)` without the transpose runs, and its rows are not the sequences: each "
    "row mixes the final states of different sequences."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # no batch to put in rows
    with torch.no_grad():
        _, state = run(config)
    h_n = final_hidden(state)
    rows = h_n.view(BATCH, -1)
    return not all(torch.equal(rows[i], h_n[:, i].flatten()) for i in range(BATCH))


if __name__ == "__main__":
    main(holds)
