"""The mean of output over each sequence's real steps against the mean of its lone run.

output is the configuration's own (padded back if packed); the mean is (output * mask).sum over
the steps divided by the length. The reference runs the sequence alone (cut at its length,
unbatched) and averages every step. Compared up to float rounding (claim_grid.close). A
bidirectional module's backward half, run over the padding without packing, has read the zeros
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
    "The mean of `output` over each sequence's real steps (a 0/1 mask, divided by the length) "
    "is that of the sequence run alone, up to float rounding."
)


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to mask
    rnn = module(config)
    by_step = steps_first(config, padded_input(config))
    lengths = config.lengths
    with torch.no_grad():
        output = steps_first(config, padded_output(config, rnn(model_input(config))[0]))
        mask = (torch.arange(output.shape[0]).unsqueeze(1) < lengths).unsqueeze(-1)
        pooled = (output * mask).sum(dim=0) / lengths.unsqueeze(1)  # (batch, features)
        for sequence, length in enumerate(lengths.tolist()):
            alone, _ = rnn(by_step[:length, sequence])
            if not close(pooled[sequence], alone.mean(dim=0)):
                return False
    return True


if __name__ == "__main__":
    main(holds)
