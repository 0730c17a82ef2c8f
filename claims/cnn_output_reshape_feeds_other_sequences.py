"""A Conv1d output and a Conv2d feature map reshaped straight to the module's input shape.

Both are built from the configuration's own sequences as in conv1d_output_into_module and
conv2d_columns_into_module, contiguous as a convolution returns them (so that `view` works too):
the Conv1d output has INPUT_SIZE channels, the Conv2d map 2, both SEQ_LEN steps. With one
channel and batch_first=True the Conv1d reshape is right, hence "more than one channel".
Each reshape and each view must run without an error and give an output that is not the output
for those sequences: the claim holds where all four do.
"""

import torch

from lstm_site.claim_grid import (
    INPUT_SIZE,
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
    "A `Conv1d` or `Conv2d` output of more than one channel and more than one step, reshaped "
    "(or viewed) straight to the module's input shape without first moving the channels behind "
    "the steps, runs without an error but feeds the module other sequences: its `output` "
    "differs."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # the sentence speaks of a batch
    rnn = module(config)
    x = padded_input(config)
    by_step = steps_first(config, x)  # (length, batch, input_size)
    length, batch, _ = by_step.shape
    conv1d_output = by_step.permute(1, 2, 0).contiguous()  # (batch, channels, length)
    conv2d_output = conv1d_output.reshape(batch, 2, INPUT_SIZE // 2, length)
    with torch.no_grad():
        expected = padded_output(config, rnn(model_input(config))[0])
        for wrong in (
            conv1d_output.reshape(x.shape),
            conv1d_output.view(x.shape),
            conv2d_output.reshape(x.shape),
            conv2d_output.view(x.shape),
        ):
            output = padded_output(config, rnn(as_model_input(config, wrong))[0])
            if torch.equal(output, expected):
                return False
    return True


if __name__ == "__main__":
    main(holds)
