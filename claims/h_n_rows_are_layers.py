"""Each row of h_n against the final hidden state of its layer run on its own.

The layers are run one at a time with the module's weights (claim_grid.layer_by_layer); layer
`k`'s final state must be rows `D * k` to `D * k + D - 1` of h_n, bit for bit, on every module:
the row order is the same for nn.GRU and nn.RNN.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    final_hidden,
    layer_by_layer,
    main,
    model_input,
    module,
)

SENTENCE = (
    "Rows `D * k` to `D * k + D - 1` of `h_n` are layer `k`'s final hidden states, counted from "
    "the bottom (one row a layer with one direction, `2k` forward and `2k + 1` backward with "
    "two): `h_n[0]` belongs to the layer that reads `x`, `h_n[-1]` to the top one."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    x = model_input(config)
    with torch.no_grad():
        _, state = rnn(x)
        layers = layer_by_layer(config, rnn, x)
    h_n, rows = final_hidden(state), config.directions
    return all(
        torch.equal(h_n[rows * k : rows * (k + 1)], final_hidden(layer_state))
        for k, (_, layer_state) in enumerate(layers)
    )


if __name__ == "__main__":
    main(holds)
