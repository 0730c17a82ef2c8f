"""h_n.transpose(0, 1).reshape(batch, -1) against each sequence's rows of h_n, concatenated."""

import torch

from lstm_site.claim_grid import BATCH, Config, final_hidden, main, run

SENTENCE = (
    "`h_n.transpose(0, 1).reshape(batch, -1)` puts each sequence's final states, every layer and "
    "direction in the order of `h_n`, in a row of its own."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # no batch to put in rows
    with torch.no_grad():
        _, state = run(config)
    h_n = final_hidden(state)
    rows = h_n.transpose(0, 1).reshape(BATCH, -1)
    return all(torch.equal(rows[i], h_n[:, i].flatten()) for i in range(BATCH))


if __name__ == "__main__":
    main(holds)
