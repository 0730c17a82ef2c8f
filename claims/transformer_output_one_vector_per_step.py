"""What nn.TransformerEncoder returns where the module stood: its type and shape.

The encoder (claim_grid.transformer_encoder: the configuration's num_layers and batch_first)
gets the module's own input, with src_key_padding_mask for padded input; packed input is not
applicable. The result must be a plain tensor with x's shape, d_model in the last place.
"""

import functools

import torch

from lstm_site.claim_grid import (
    INPUT_SIZE,
    Config,
    main,
    padded_input,
    padding_mask,
    transformer_axes_only,
    transformer_encoder,
)

SENTENCE = (
    "An `nn.TransformerEncoder` in the LSTM's place returns one tensor, no `(h_n, c_n)`: a "
    "`d_model` vector for every step, `(seq_len, batch, d_model)`, `(batch, seq_len, d_model)` "
    "when its layer has `batch_first=True`, `(seq_len, d_model)` for one unbatched sequence."
)


# The encoder reads num_layers, batch_first and input only: run each such triple once.
@functools.cache
def returns_one_vector_per_step(num_layers: int, batch_first: bool, input: str) -> bool:
    config = Config(num_layers=num_layers, batch_first=batch_first, input=input)
    x, mask = padded_input(config), padding_mask(config)
    with torch.no_grad():
        result = transformer_encoder(config)(x, src_key_padding_mask=mask)
    return type(result) is torch.Tensor and result.shape == (*x.shape[:-1], INPUT_SIZE)


def holds(config: Config) -> bool:
    transformer_axes_only(config)
    return returns_one_vector_per_step(config.num_layers, config.batch_first, config.input)


if __name__ == "__main__":
    main(holds)
