"""nn.CTCLoss on the module's output, laid out as the sentence says, against each sequence's loss
computed from the module run on that sequence alone.

A Linear head maps each step's D * H_out features to CLASSES classes (0 is the blank); the
batch's loss (reduction="none") is compared with the loss of each sequence run alone, unbatched
and cut at its length, with torch.allclose (atol=1e-5): a batch and a lone run differ in the
last bits. input_lengths are the configuration's lengths (all seq_len when not padded). Packed
output is padded back by pad_packed_sequence with the module's batch_first (the grid's
batch_first axis is both).
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    Config,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    seed,
    steps_first,
)

SENTENCE = (
    "`nn.CTCLoss` takes `log_probs` as `(T, batch, classes)`: the module's `output` through a "
    "`Linear` head and `log_softmax(dim=-1)`, transposed with `transpose(0, 1)` if `output` is "
    "batch-first (the module's `batch_first=True`, or for packed input `batch_first=True` given "
    "to `pad_packed_sequence`), with each sequence's real length as `input_lengths`, gives each "
    "sequence the loss it gets run alone, up to float rounding."
)
CLASSES = 4
TARGETS = torch.tensor([[1, 2, 3], [3, 1, 0], [2, 2, 1]])  # padded with 0, never read
TARGET_LENGTHS = torch.tensor([3, 1, 2])


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # the sentence speaks of a batch
    rnn = module(config)
    ctc = nn.CTCLoss(reduction="none")
    with torch.no_grad():
        output = padded_output(config, rnn(model_input(config))[0])
        seed(4)
        head = nn.Linear(output.shape[-1], CLASSES)
        log_probs = head(output).log_softmax(dim=-1)
        if config.batch_first:
            log_probs = log_probs.transpose(0, 1)
        losses = ctc(log_probs, TARGETS, config.lengths, TARGET_LENGTHS)
        by_step = steps_first(config, padded_input(config))
        for sequence, length in enumerate(config.lengths.tolist()):
            alone, _ = rnn(by_step[:length, sequence])  # unbatched: (length, D * H_out)
            alone_log_probs = head(alone).log_softmax(dim=-1).unsqueeze(1)
            target = TARGETS[sequence : sequence + 1]
            lengths = (torch.tensor([length]), TARGET_LENGTHS[sequence : sequence + 1])
            alone_loss = ctc(alone_log_probs, target, *lengths)
            if not torch.allclose(losses[sequence], alone_loss[0], atol=1e-5, rtol=0):
                return False
    return True


if __name__ == "__main__":
    main(holds)
