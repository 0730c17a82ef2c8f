"""The masked mean over the encoder's output against the mean of each sequence run alone.

Padded input only. keep = ~src_key_padding_mask; the batch's summary is
(output * keep).sum(time) / lengths, compared with each sequence's output, run alone without
padding, averaged over its steps (torch.allclose, atol=1e-6).
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
    "For a summary in place of `h_n`, the mean of the encoder's output over the real steps "
    "only, `(output * keep).sum(time) / lengths` with `keep = ~src_key_padding_mask`, is each "
    "sequence's mean when run alone, up to float rounding."
)


# The encoder reads num_layers and batch_first only: run each pair once.
@functools.cache
def mean_equals_run_alone(num_layers: int, batch_first: bool) -> bool:
    config = Config(num_layers=num_layers, batch_first=batch_first, input="padded")
    encoder, x, mask = transformer_encoder(config), padded_input(config), padding_mask(config)
    keep = ~mask  # (batch, seq_len) in either layout
    with torch.no_grad():
        output = encoder(x, src_key_padding_mask=mask)
        time = 1 if config.batch_first else 0
        keep_here = keep if config.batch_first else keep.T
        summary = (output * keep_here[..., None]).sum(time) / config.lengths[:, None]
        by_step = steps_first(config, x)
        alone = torch.stack(
            [encoder(by_step[:length, i]).mean(0) for i, length in enumerate(config.lengths)]
        )
    return close(summary, alone)


def holds(config: Config) -> bool:
    transformer_axes_only(config)
    if config.input != "padded":
        raise NotApplicable("only padded input has steps to leave out of the mean")
    return mean_equals_run_alone(config.num_layers, config.batch_first)


if __name__ == "__main__":
    main(holds)
