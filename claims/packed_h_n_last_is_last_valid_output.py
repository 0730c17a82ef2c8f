"""h_n[-1] against output at each sequence's own last valid step, with packed input.

output is padded back, then step `length - 1` of each sequence is taken in the module's layout.
"""

import torch

from lstm_site.claim_grid import Config, final_hidden, main, padded_output, run

SENTENCE = (
    "With packed input, `h_n[-1]` equals `output` at each sequence's own last valid step, "
    "not at the padded end."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None
    with torch.no_grad():
        output, state = run(config)
    padded = padded_output(config, output)
    steps = padded if not config.batch_first else padded.transpose(0, 1)
    last_valid = steps[config.lengths - 1, torch.arange(len(config.lengths))]
    return torch.equal(last_valid, final_hidden(state)[-1])


if __name__ == "__main__":
    main(holds)
