"""A padding mask laid out (seq_len, batch) when batch == seq_len.

Padded input only, cut to its first BATCH steps so that seq_len equals batch. The transposed
mask must go through the encoder while training and in eval mode, with autograd and without
(the fused path), and give another output than the (batch, seq_len) mask.
"""

import functools

import torch

from lstm_site.claim_grid import (
    BATCH,
    Config,
    NotApplicable,
    main,
    padded_input,
    padding_mask,
    steps_first,
    transformer_axes_only,
    transformer_encoder,
)

SENTENCE = (
    "When `batch` equals `seq_len`, a `src_key_padding_mask` laid out `(seq_len, batch)` goes "
    "through `nn.TransformerEncoder` without an error, while training and in eval mode, and "
    "gives another result than the `(batch, seq_len)` mask."
)


# The encoder reads num_layers and batch_first only: run each pair once.
@functools.cache
def runs_and_differs(num_layers: int, batch_first: bool) -> bool:
    config = Config(num_layers=num_layers, batch_first=batch_first, input="padded")
    encoder = transformer_encoder(config)
    square = steps_first(config, steps_first(config, padded_input(config))[:BATCH])
    mask = padding_mask(config)[:, :BATCH]  # (batch, seq_len) with seq_len == batch
    assert not torch.equal(mask, mask.T)
    for training in (True, False):
        encoder.train(training)
        for grad in (True, False):
            with torch.set_grad_enabled(grad):
                try:
                    wrong = encoder(square, src_key_padding_mask=mask.T)
                except (AssertionError, RuntimeError):
                    return False
                if torch.equal(wrong, encoder(square, src_key_padding_mask=mask)):
                    return False
    return True


def holds(config: Config) -> bool:
    transformer_axes_only(config)
    if config.input != "padded":
        raise NotApplicable("only padded input has padding to mask")
    return runs_and_differs(config.num_layers, config.batch_first)


if __name__ == "__main__":
    main(holds)
