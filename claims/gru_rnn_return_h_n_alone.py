"""What nn.GRU and nn.RNN return, against nn.LSTM built with the same options.

The state must be one tensor (not a tuple) of the shape of nn.LSTM's h_n, and output (padded
back if packed) of the shape of nn.LSTM's output.
"""

import dataclasses

import torch

from lstm_site.claim_grid import Config, main, padded_output, run

SENTENCE = (
    "`nn.GRU` and `nn.RNN` return `(output, h_n)`: `h_n` is one tensor, no `c_n`, shaped as "
    "`nn.LSTM`'s `h_n` with the same options, and `output` is shaped as `nn.LSTM`'s."
)
MODULES = ("GRU", "RNN")


def holds(config: Config) -> bool:
    lstm_config = dataclasses.replace(config, module="LSTM")
    with torch.no_grad():
        output, h_n = run(config)
        lstm_output, (lstm_h_n, _) = run(lstm_config)
    same_output = (
        padded_output(config, output).shape == padded_output(lstm_config, lstm_output).shape
    )
    return type(h_n) is torch.Tensor and h_n.shape == lstm_h_n.shape and same_output


if __name__ == "__main__":
    main(holds)
