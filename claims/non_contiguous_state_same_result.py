"""A non-contiguous initial state against a contiguous copy of it, on this build's CPU."""

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
    "On the CPU, a non-contiguous `h_0` (a transposed or sliced state) gives the same `output` "
    "and final state as a contiguous copy of it."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    # transpose, copy, transpose back: the same values, laid out the other way in memory
    strided = tuple(
        t.transpose(0, -1).contiguous().transpose(0, -1)
        for t in state_tensors(initial_state(config))
    )
    contiguous = tuple(t.contiguous() for t in strided)
    if config.module != "LSTM":
        strided, contiguous = strided[0], contiguous[0]
    with torch.no_grad():
        output, state = rnn(model_input(config), strided)
        copy_output, copy_state = rnn(model_input(config), contiguous)
    same = torch.equal(padded_output(config, output), padded_output(config, copy_output))
    return same and all(map(torch.equal, state_tensors(state), state_tensors(copy_state)))


if __name__ == "__main__":
    main(holds)
