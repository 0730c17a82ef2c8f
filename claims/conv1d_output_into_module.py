"""A Conv1d-shaped tensor, (batch, channels, length), turned into the module's input as the
sentence says: permute(2, 0, 1) for the default layout, transpose(1, 2) with batch_first.

The tensor is the configuration's own sequences laid out as a Conv1d returns them (channels =
input_size, length = seq_len); packed input is that tensor turned into the module's layout and
then packed. The module's output must equal its output for the sequences in its own layout.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    as_model_input,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    steps_first,
)

SENTENCE = (
    "A `Conv1d`'s output, `(batch, channels, length)`, becomes the module's input with "
    "`x.permute(2, 0, 1)`, or `x.transpose(1, 2)` with `batch_first=True`: each sequence's "
    "steps, in order."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # the sentence speaks of a batch
    rnn = module(config)
    conv_output = steps_first(config, padded_input(config)).permute(1, 2, 0)
    fixed = conv_output.transpose(1, 2) if config.batch_first else conv_output.permute(2, 0, 1)
    with torch.no_grad():
        expected, _ = rnn(model_input(config))
        output, _ = rnn(as_model_input(config, fixed))
    return torch.equal(padded_output(config, output), padded_output(config, expected))


if __name__ == "__main__":
    main(holds)
