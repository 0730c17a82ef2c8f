"""The configuration's input as float64 (as NumPy makes it), fed to the module's float32 weights."""

import torch

from lstm_site.claim_grid import Config, as_model_input, main, module, padded_input

SENTENCE = (
    "A float64 input, as `torch.from_numpy` makes from NumPy's default arrays, raises an error "
    "with the module's float32 weights: convert it with `x.float()`."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    try:
        with torch.no_grad():
            rnn(as_model_input(config, padded_input(config).double()))
    except (RuntimeError, ValueError):  # torch 2.13 raises ValueError here
        with torch.no_grad():
            rnn(as_model_input(config, padded_input(config).double().float()))
        return True
    return False


if __name__ == "__main__":
    main(holds)
