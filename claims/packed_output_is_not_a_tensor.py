"""The module's packed output indexed like a tensor, output[:, -1]; and output[0]."""

import torch

from lstm_site.claim_grid import Config, main, run

SENTENCE = (
    "A packed `output` is a `PackedSequence`, a named tuple, not a tensor: `output[0]` is its "
    "`data` field and `output[:, -1]` raises a `TypeError`."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    with torch.no_grad():
        output, _ = run(config)
    if output[0] is not output.data:
        return False
    try:
        output[:, -1]
    except TypeError:
        return True
    return False


if __name__ == "__main__":
    main(holds)
