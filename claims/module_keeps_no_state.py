"""Two calls of one module (eval mode) on the same input, without a state."""

import torch

from lstm_site.claim_grid import Config, main, model_input, module, padded_output, state_tensors

SENTENCE = (
    "Two calls on the same input, without a state, give the same `output` and final state: "
    "the module keeps nothing from one call to the next, and each call starts from zeros."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    x = model_input(config)
    with torch.no_grad():
        first_output, first_state = rnn(x)
        second_output, second_state = rnn(x)
    same = torch.equal(padded_output(config, first_output), padded_output(config, second_output))
    pairs = zip(state_tensors(first_state), state_tensors(second_state), strict=True)
    return same and all(torch.equal(a, b) for a, b in pairs)


if __name__ == "__main__":
    main(holds)
