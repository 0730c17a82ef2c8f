"""The same weights in the other layout, fed the input transposed to match.

Both layouts' output is compared steps first; h_n and c_n as returned, bit for bit.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    main,
    model_input,
    module,
    padded_output,
    run,
    state_tensors,
    steps_first,
)

SENTENCE = (
    "The same weights with the other `batch_first`, fed the input transposed to match, return "
    "`output` transposed and the same `h_n` and `c_n`, not transposed."
)


def holds(config: Config) -> bool:
    other = Config(
        config.module,
        config.num_layers,
        config.bidirectional,
        not config.batch_first,
        config.proj_size,
        config.input,
    )
    with torch.no_grad():
        output, state = run(config)
        other_output, other_state = module(other)(model_input(other))
    same_output = torch.equal(
        steps_first(config, padded_output(config, output)),
        steps_first(other, padded_output(other, other_output)),
    )
    return same_output and all(map(torch.equal, state_tensors(state), state_tensors(other_state)))


if __name__ == "__main__":
    main(holds)
