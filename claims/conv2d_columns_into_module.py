"""A Conv2d-shaped feature map, (batch, channels, height, width), turned into a sequence over its
width as the sentence says, against the module run on the columns themselves.

The map is built from the configuration's own sequences: step w's input_size features become
column w, a (channels, height) block with channels * height = input_size. The module's output
for the flattened map must equal its output for those sequences in its own layout; packed
input is the flattened map, packed.
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
    "A `Conv2d`'s feature map, `(batch, channels, height, width)`, becomes a sequence over its "
    "width with `x.flatten(1, 2).permute(2, 0, 1)`, or `x.flatten(1, 2).transpose(1, 2)` with "
    "`batch_first=True`: step `w` holds column `w`'s `channels * height` features."
)
CHANNELS, HEIGHT = 2, INPUT_SIZE // 2


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # the sentence speaks of a batch
    rnn = module(config)
    by_step = steps_first(config, padded_input(config))  # (width, batch, input_size)
    width, batch, _ = by_step.shape
    feature_map = by_step.permute(1, 2, 0).reshape(batch, CHANNELS, HEIGHT, width)
    flat = feature_map.flatten(1, 2)
    fixed = flat.transpose(1, 2) if config.batch_first else flat.permute(2, 0, 1)
    with torch.no_grad():
        expected, _ = rnn(model_input(config))
        output, _ = rnn(as_model_input(config, fixed))
    return torch.equal(padded_output(config, output), padded_output(config, expected))


if __name__ == "__main__":
    main(holds)
