"""The encoder with src_key_padding_mask against each sequence run alone, and against the same
batch with noise in its padding.

Padded input only (the only input with padding to mask). Each sequence's real steps are
compared with the encoder run on that sequence alone, unbatched, without padding
(torch.allclose, atol=1e-6: the batched kernels add in another order); the real steps of a
batch whose padded steps hold random values instead of zeros must be bit for bit the same.
"""

import functools

import torch

from lstm_site.claim_grid import (
    Config,
    NotApplicable,
    close,
    main,
    padded_input,
    padding_mask,
    steps_first,
    transformer_axes_only,
    transformer_encoder,
)

SENTENCE = (
    "`src_key_padding_mask`, `(batch, seq_len)` whatever `batch_first` is, with `True` at the "
    "padded steps, makes the encoder ignore them: each sequence's real steps get the output it "
    "gets alone, up to float rounding, whatever finite values the padded steps hold (a NaN or an "
    "infinity there still reaches them)."
)


# The encoder reads num_layers and batch_first only: run each pair once.
@functools.cache
def ignores_padding(num_layers: int, batch_first: bool) -> bool:
    config = Config(num_layers=num_layers, batch_first=batch_first, input="padded")
    encoder, x, mask = transformer_encoder(config), padded_input(config), padding_mask(config)
    by_step = steps_first(config, x)
    noise = torch.randn(by_step.shape, generator=torch.Generator().manual_seed(3))
    # steps_first twice is the identity: the noisy batch goes back to the encoder's layout
    noisy = steps_first(config, torch.where(mask.T[..., None], noise, by_step))
    with torch.no_grad():
        output = steps_first(config, encoder(x, src_key_padding_mask=mask))
        noisy_output = steps_first(config, encoder(noisy, src_key_padding_mask=mask))
        alone = [encoder(by_step[:length, i]) for i, length in enumerate(config.lengths)]
    real = ~mask.T  # (seq_len, batch)
    same_alone = all(close(output[:length, i], alone[i]) for i, length in enumerate(config.lengths))
    return same_alone and torch.equal(output[real], noisy_output[real])


def holds(config: Config) -> bool:
    transformer_axes_only(config)
    if config.input != "padded":
        raise NotApplicable("only padded input has padding to mask")
    return ignores_padding(config.num_layers, config.batch_first)


if __name__ == "__main__":
    main(holds)
