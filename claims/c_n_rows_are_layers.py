"""Each row of c_n against the final cell state of its layer run on its own (nn.LSTM only)."""

import torch

from lstm_site.claim_grid import Config, layer_by_layer, main, model_input, module

SENTENCE = (
    "Rows `D * k` to `D * k + D - 1` of `c_n` are layer `k`'s final cell states, counted from the "
    "bottom, in the same order as the rows of `h_n` (one row a layer with one direction, two when "
    "bidirectional)."
)


def holds(config: Config) -> bool | None:
    if config.module != "LSTM":
        return None  # only nn.LSTM has a cell state
    rnn = module(config)
    x = model_input(config)
    with torch.no_grad():
        _, (_, c_n) = rnn(x)
        layers = layer_by_layer(config, rnn, x)
    rows = config.directions
    return all(
        torch.equal(c_n[rows * k : rows * (k + 1)], layer_c_n)
        for k, (_, (_, layer_c_n)) in enumerate(layers)
    )


if __name__ == "__main__":
    main(holds)
