"""The module in training mode (dropout=0.5) against its layers run one at a time, with
nn.functional.dropout applied by hand to each layer's output but the top one's, from the
same seed (on packed output, to its data). Compared bit for bit.

This build runs on the CPU: the claim says so. On a GPU cuDNN draws its own dropout masks.
"""

import warnings

import torch
from torch.nn import functional
from torch.nn.utils.rnn import PackedSequence

from lstm_site.claim_grid import Config, main, model_input, module, one_layer, padded_output, seed

SENTENCE = (
    "On the CPU, `nn.functional.dropout` applied by hand between the layers, run one at a time "
    "after the same seed, draws the masks `dropout` draws, and gives the module's `output`."
)


def dropped(x):
    if isinstance(x, PackedSequence):
        return x._replace(data=functional.dropout(x.data, 0.5, training=True))
    return functional.dropout(x, 0.5, training=True)


def holds(config: Config) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the one-layer warning is another claim
        rnn = module(config, dropout=0.5)
    layers = [one_layer(config, rnn, layer) for layer in range(config.num_layers)]
    x = model_input(config)
    with torch.no_grad():
        seed(5)
        output, _ = rnn.train()(x)
        seed(5)
        by_hand = x
        for layer, single in enumerate(layers):
            by_hand, _ = single(by_hand)
            if layer < config.num_layers - 1:
                by_hand = dropped(by_hand)
    return torch.equal(padded_output(config, output), padded_output(config, by_hand))


if __name__ == "__main__":
    main(holds)
