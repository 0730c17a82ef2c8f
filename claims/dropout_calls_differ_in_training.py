"""Two calls on the same input in training mode, dropout=0.5: do their outputs differ?"""

import warnings

import torch

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "In training mode with `dropout=0.5`, two calls on the same input give different `output`s: "
    "dropout draws a new mask on every call."
)


def holds(config: Config) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the one-layer warning is another claim
        rnn = module(config, dropout=0.5).train()
    x = model_input(config)  # once: making the input reseeds torch's generator
    with torch.no_grad():
        first, _ = rnn(x)
        second, _ = rnn(x)
    return not torch.equal(padded_output(config, first), padded_output(config, second))


if __name__ == "__main__":
    main(holds)
