"""unpack_sequence of the module's packed output against the padded output cut at each length."""

import torch
from torch.nn.utils.rnn import unpack_sequence

from lstm_site.claim_grid import Config, main, padded_output, run, steps_first

SENTENCE = (
    "`unpack_sequence(output)` returns one tensor per sequence, in your order: sequence `i`'s "
    "output steps, up to its own length."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    with torch.no_grad():
        output, _ = run(config)
    by_step = steps_first(config, padded_output(config, output))
    pieces = unpack_sequence(output)
    return len(pieces) == len(config.lengths) and all(
        torch.equal(piece, by_step[:length, sequence])
        for sequence, (piece, length) in enumerate(
            zip(pieces, config.lengths.tolist(), strict=True)
        )
    )


if __name__ == "__main__":
    main(holds)
