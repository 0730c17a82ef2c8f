"""The max of output over each sequence's real steps against the max of its lone run.

output is the configuration's own (padded back if packed); the padding's steps are filled with
-inf before the max over the steps. The reference runs the sequence alone (cut at its length,
unbatched) and takes the max over every step. Compared up to float rounding (claim_grid.close).
A bidirectional module's backward half, run over the padding without packing, has read the zeros
before each sequence's real steps.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    close,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    steps_first,
)

SENTENCE = (
    "The max of `output` over each sequence's real steps (the padding filled with `-inf` "
    "first) is that of the sequence run alone, up to float rounding."
)


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to mask
    rnn = module(config)
    by_step = steps_first(config, padded_input(config))
    lengths = config.lengths
    with torch.no_grad():
        output = steps_first(config, padded_output(config, rnn(model_input(config))[0]))
        padding = (torch.arange(output.shape[0]).unsqueeze(1) >= lengths).unsqueeze(-1)
        pooled = output.masked_fill(padding, float("-inf")).amax(dim=0)  # (batch, features)
        for sequence, length in enumerate(lengths.tolist()):
            alone, _ = rnn(by_step[:length, sequence])
            if not close(pooled[sequence], alone.amax(dim=0)):
                return False
    return True


if __name__ == "__main__":
    main(holds)
