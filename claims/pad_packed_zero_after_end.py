"""pad_packed_sequence of the module's packed output: every step after a sequence's end."""

import torch
from torch.nn.utils.rnn import pad_packed_sequence

from lstm_site.claim_grid import Config, main, run, steps_first

SENTENCE = (
    "`pad_packed_sequence(output)` fills every step after a sequence's end with zeros, so "
    "`output[-1]` of a shorter sequence is zeros, not its last step."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    with torch.no_grad():
        output, _ = run(config)
    padded, lengths = pad_packed_sequence(output, batch_first=config.batch_first)
    by_step = steps_first(config, padded)
    return all(
        bool((by_step[length:, sequence] == 0).all())
        for sequence, length in enumerate(lengths.tolist())
    )


if __name__ == "__main__":
    main(holds)
