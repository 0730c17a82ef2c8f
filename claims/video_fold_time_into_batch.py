"""A video batch (batch, frames, channels, height, width) through a small CNN, folded into the
batch as the sentence says, against a loop over the frames; both fed to the module.

The CNN (Conv2d, BatchNorm2d in eval mode, ReLU, average pooling) gives input_size features a
frame; frames = seq_len. Padded and packed input are videos whose frames after each length are
zero (the CNN's features of those frames are not zero; packing leaves them out). The module's
outputs for the two feature tensors are compared with torch.allclose (atol=1e-6): one CNN call on
batch * frames images and one per frame may differ in the last bits.
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    INPUT_SIZE,
    SEQ_LEN,
    Config,
    as_model_input,
    close,
    main,
    module,
    padded_output,
    seed,
)

SENTENCE = (
    "Folding time into the batch, `(N, T, C, H, W)` to `(N * T, C, H, W)`, one CNN call, then "
    "`reshape(N, T, F)` (and `transpose(0, 1)` for the default layout) feeds the module the "
    "features of a loop over the frames, up to float rounding, with a CNN in `eval()` mode."
)
CHANNELS, SIZE = 2, 6


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # the sentence speaks of a batch of videos
    rnn = module(config)
    seed(3)
    cnn = nn.Sequential(
        nn.Conv2d(CHANNELS, INPUT_SIZE, kernel_size=3),
        nn.BatchNorm2d(INPUT_SIZE),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
    ).eval()
    batch = len(config.lengths)
    video = torch.randn(batch, SEQ_LEN, CHANNELS, SIZE, SIZE)
    for sequence, length in enumerate(config.lengths.tolist()):
        video[sequence, length:] = 0.0
    with torch.no_grad():
        looped = torch.stack([cnn(video[:, t]) for t in range(SEQ_LEN)], dim=1)
        folded = cnn(video.reshape(batch * SEQ_LEN, CHANNELS, SIZE, SIZE))
        unfolded = folded.reshape(batch, SEQ_LEN, INPUT_SIZE)
        if not config.batch_first:
            looped, unfolded = looped.transpose(0, 1), unfolded.transpose(0, 1)
        expected, _ = rnn(as_model_input(config, looped))
        output, _ = rnn(as_model_input(config, unfolded))
    return close(padded_output(config, output), padded_output(config, expected))


if __name__ == "__main__":
    main(holds)
