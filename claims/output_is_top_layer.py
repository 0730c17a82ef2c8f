"""output against the top layer run on its own.

The stacked module's layers are rebuilt as one-layer modules holding its weights and run one at
a time, each fed the output of the layer below (claim_grid.layer_by_layer); the top one's output
must be `output`, bit for bit. Packed output is padded back before comparing.
"""

import torch

from lstm_site.claim_grid import Config, layer_by_layer, main, model_input, module, padded_output

SENTENCE = (
    "`output` is the top layer's output at every step: run the layers one at a time, each fed "
    "the output of the layer below, and the top one's output equals `output`."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    x = model_input(config)
    with torch.no_grad():
        output, _ = rnn(x)
        top, _ = layer_by_layer(config, rnn, x)[-1]
    return torch.equal(padded_output(config, output), padded_output(config, top))


if __name__ == "__main__":
    main(holds)
