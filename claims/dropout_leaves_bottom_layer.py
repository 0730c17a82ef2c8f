"""The rows of h_n of layer 0, in training mode with dropout=0.5 and in eval mode."""

import warnings

import torch

from lstm_site.claim_grid import Config, final_hidden, main, model_input, module

SENTENCE = (
    "`dropout` never touches the input: in training mode, the bottom layer's rows of `h_n` "
    "equal those of eval mode."
)


def holds(config: Config) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the one-layer warning is another claim
        rnn = module(config, dropout=0.5)
    rows, x = config.directions, model_input(config)
    with torch.no_grad():
        _, evaluated = rnn(x)
        _, trained = rnn.train()(x)
    return torch.equal(final_hidden(evaluated)[:rows], final_hidden(trained)[:rows])


if __name__ == "__main__":
    main(holds)
