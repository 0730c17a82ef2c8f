"""A float64 initial state with the configuration's float32 input and weights."""

import torch

from lstm_site.claim_grid import Config, initial_state, main, model_input, module, state_tensors

SENTENCE = (
    "A float64 `h_0` (and `c_0`) passed with float32 input and weights raises an error instead "
    "of being converted: build the state with the input's dtype."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    state = tuple(t.double() for t in state_tensors(initial_state(config)))
    try:
        with torch.no_grad():
            rnn(model_input(config), state if len(state) == 2 else state[0])
    except (RuntimeError, ValueError):  # the message depends on the kernel torch picks
        return True
    return False


if __name__ == "__main__":
    main(holds)
