"""output at steps 0..2 before and after redrawing input steps 3 and 4."""

import torch

from lstm_site.claim_grid import (
    Config,
    as_model_input,
    main,
    module,
    padded_input,
    padded_output,
    steps_first,
)

SENTENCE = (
    "`output` at step `t` depends only on the input steps `0` to `t`: changing later steps "
    "leaves it unchanged."
)
T = 2  # steps after T are redrawn


def early_steps(config: Config, rnn, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        output, _ = rnn(as_model_input(config, x))
    return steps_first(config, padded_output(config, output))[: T + 1]


def holds(config: Config) -> bool:
    rnn = module(config)
    x = padded_input(config)
    changed = x.clone()
    later = steps_first(config, changed)[T + 1 :]
    later.copy_(torch.randn(later.shape, generator=torch.Generator().manual_seed(3)))
    return torch.equal(early_steps(config, rnn, x), early_steps(config, rnn, changed))


if __name__ == "__main__":
    main(holds)
