"""Backward from a loss on h_n alone: which steps of the input get a gradient?"""

from lstm_site.claim_grid import (
    Config,
    as_model_input,
    final_hidden,
    main,
    module,
    padded_input,
    steps_first,
)

SENTENCE = (
    "A loss computed from `h_n` alone sends a nonzero gradient to every real step of the input, "
    "the first step included: backpropagation runs through every step."
)


def holds(config: Config) -> bool:
    x = padded_input(config).requires_grad_()
    _, state = module(config)(as_model_input(config, x))
    final_hidden(state).sum().backward()
    grad = steps_first(config, x.grad) if config.batched else x.grad.unsqueeze(1)
    return all(
        bool((grad[:length, sequence].abs().sum(-1) > 0).all())
        for sequence, length in enumerate(config.lengths.tolist())
    )


if __name__ == "__main__":
    main(holds)
