"""h_n.view(num_layers, batch, 2 * H_out), without splitting the directions, against the split.

Bidirectional modules on a batch (of BATCH = 3 sequences) only: the view names `batch`. With a
batch of one sequence the two views hold the same numbers; the sentence says "more than one".
"""

import torch

from lstm_site.claim_grid import BATCH, Config, final_hidden, main, run

SENTENCE = (
    "With more than one sequence in the batch, `h_n.view(num_layers, batch, 2 * H_out)` runs and "
    "has the shape of the joined directions, but its rows glue the final states of different "
    "sequences: it is not `h_n.view(num_layers, 2, batch, H_out)` with the directions "
    "concatenated."
)


def holds(config: Config) -> bool | None:
    if not config.bidirectional or not config.batched:
        return None
    with torch.no_grad():
        _, state = run(config)
    h_n, size = final_hidden(state), config.out_size
    wrong = h_n.view(config.num_layers, BATCH, 2 * size)
    split = h_n.view(config.num_layers, 2, BATCH, size)
    joined = torch.cat([split[:, 0], split[:, 1]], dim=2)
    glued = torch.equal(wrong[0, 0], torch.cat([h_n[0, 0], h_n[0, 1]]))
    return glued and not torch.equal(wrong, joined)


if __name__ == "__main__":
    main(holds)
