"""Backward from a loss on h_n: the gradient of the padded tensor, packed before the call, at its
padding steps."""

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
    "Packed before the call, the padding steps of a padded batch get a gradient of exactly zero "
    "from a loss on `h_n`."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None  # not packed: the sentence does not speak of it
    x = padded_input(config).requires_grad_()
    _, state = module(config)(as_model_input(config, x))
    final_hidden(state).sum().backward()
    grad = steps_first(config, x.grad)
    return all(
        bool((grad[length:, sequence] == 0).all())
        for sequence, length in enumerate(config.lengths.tolist())
    )


if __name__ == "__main__":
    main(holds)
