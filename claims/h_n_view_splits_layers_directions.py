"""h_n.view(num_layers, 2, batch, H_out)[k, d] against layer k run on its own, direction d.

Bidirectional modules on a batch only: the view names `batch`.
"""

import torch

from lstm_site.claim_grid import (
    BATCH,
    Config,
    final_hidden,
    layer_by_layer,
    main,
    model_input,
    module,
)

SENTENCE = (
    "`h_n.view(num_layers, 2, batch, H_out)[k, d]` is layer `k`'s final hidden state in "
    "direction `d`, 0 forward and 1 backward."
)


def holds(config: Config) -> bool | None:
    if not config.bidirectional or not config.batched:
        return None
    rnn = module(config)
    x = model_input(config)
    with torch.no_grad():
        _, state = rnn(x)
        layers = layer_by_layer(config, rnn, x)
    split = final_hidden(state).view(config.num_layers, 2, BATCH, config.out_size)
    return all(
        torch.equal(split[k], final_hidden(layer_state))
        for k, (_, layer_state) in enumerate(layers)
    )


if __name__ == "__main__":
    main(holds)
