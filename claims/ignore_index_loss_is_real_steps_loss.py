"""Per-step cross-entropy over a padded batch, padding's tags set to ignore_index, against the
loss of the real steps of each sequence run alone.

output is the configuration's own, padded back if packed; logits = Linear(D * H_out, C)(output).
The reference runs each sequence alone (cut at its length, unbatched), applies the same head and
takes the loss over all those steps together. Compared up to float rounding (claim_grid.close).
A bidirectional module's backward half, run over the padding without packing, has read the zeros
before each sequence's real steps.
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    BATCH,
    SEQ_LEN,
    Config,
    close,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    seed,
    steps_first,
)

SENTENCE = (
    "Per-step cross-entropy over a padded `output`, with the padding's tags set to "
    "`ignore_index`, is the loss of the real steps alone (each sequence run alone), up to float "
    "rounding."
)
CLASSES = 4


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to ignore
    rnn = module(config)
    by_step = steps_first(config, padded_input(config))
    tags = torch.randint(0, CLASSES, (BATCH, SEQ_LEN), generator=torch.Generator().manual_seed(5))
    lengths = config.lengths.tolist()
    with torch.no_grad():
        output = steps_first(config, padded_output(config, rnn(model_input(config))[0]))
        seed(4)
        head = nn.Linear(output.shape[-1], CLASSES)
        logits = head(output).transpose(0, 1)  # (batch, seq_len, C)
        ignored = tags.clone()
        for sequence, length in enumerate(lengths):
            ignored[sequence, length:] = -100  # CrossEntropyLoss's default ignore_index
        loss = nn.CrossEntropyLoss()(logits.reshape(-1, CLASSES), ignored.reshape(-1))
        alone = [head(rnn(by_step[:length, s])[0]) for s, length in enumerate(lengths)]
        real_tags = [tags[s, :length] for s, length in enumerate(lengths)]
        reference = nn.CrossEntropyLoss()(torch.cat(alone), torch.cat(real_tags))
    return close(loss, reference)


if __name__ == "__main__":
    main(holds)
