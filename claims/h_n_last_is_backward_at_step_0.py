"""h_n[-1] of a bidirectional module against the backward half of output at step 0."""

import torch

from lstm_site.claim_grid import Config, final_hidden, main, padded_output, run, steps_first

SENTENCE = (
    "In a bidirectional module, `h_n[-1]` is the top layer's backward direction only, which ends "
    "at the first step: it equals the backward half of `output` at step 0."
)


def holds(config: Config) -> bool | None:
    if not config.bidirectional:
        return None
    with torch.no_grad():
        output, state = run(config)
    first = steps_first(config, padded_output(config, output))[0]
    return torch.equal(final_hidden(state)[-1], first[..., config.out_size :])


if __name__ == "__main__":
    main(holds)
