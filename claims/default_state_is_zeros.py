"""A call without a state against the same call with zeros of the state's shapes."""

import torch

from lstm_site.claim_grid import (
    Config,
    initial_state,
    main,
    model_input,
    module,
    padded_output,
    state_tensors,
)

SENTENCE = (
    "Leaving the initial state out gives the same `output` and final state as passing zeros: "
    "`h_0` (and `c_0`) default to zeros."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    zeros = tuple(torch.zeros_like(t) for t in state_tensors(initial_state(config)))
    with torch.no_grad():
        output, state = rnn(model_input(config))
        zero_output, zero_state = rnn(model_input(config), zeros if len(zeros) == 2 else zeros[0])
    same = torch.equal(padded_output(config, output), padded_output(config, zero_output))
    return same and all(map(torch.equal, state_tensors(state), state_tensors(zero_state)))


if __name__ == "__main__":
    main(holds)
