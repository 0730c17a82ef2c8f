"""A Conv1d-shaped tensor, (batch, channels, length), fed to the module as x.transpose(1, 2).

The tensor is the configuration's own sequences laid out as a Conv1d returns them (channels =
input_size, length = seq_len). The fix holds where the module then reads each sequence's steps
in order: its output must equal the output for the same sequences in the module's own layout.
"""

import torch

from lstm_site.claim_grid import Config, main, module, padded_input, steps_first

SENTENCE = (
    "A `Conv1d`'s output, `(batch, channels, length)`, becomes the module's input with "
    "`x.transpose(1, 2)`: each sequence's steps, in order."
)


def holds(config: Config) -> bool | None:
    if config.input not in ("batched", "padded"):
        return None  # a Conv1d output is a padded tensor with a batch, not packed
    rnn = module(config)
    x = padded_input(config)
    conv_output = steps_first(config, x).permute(1, 2, 0)  # (batch, channels, length)
    with torch.no_grad():
        expected, _ = rnn(x)
        try:
            fixed, _ = rnn(conv_output.transpose(1, 2))
        except RuntimeError:
            return False
    return torch.equal(fixed, expected)


if __name__ == "__main__":
    main(holds)
