"""What one call of the module returns: a tuple, never a tensor."""

import torch

from lstm_site.claim_grid import Config, main, model_input, module

SENTENCE = (
    "The module returns a tuple, `(output, h_n)` for nn.GRU and nn.RNN and "
    "`(output, (h_n, c_n))` for nn.LSTM, never a tensor: `.shape` of the call's result raises "
    "`AttributeError`."
)


def holds(config: Config) -> bool:
    with torch.no_grad():
        result = module(config)(model_input(config))
    try:
        result.shape  # noqa: B018 (the mistake the sentence is about)
    except AttributeError:
        state = result[1]
        lstm_state = isinstance(state, tuple) and len(state) == 2
        return (
            isinstance(result, tuple)
            and len(result) == 2
            and lstm_state == (config.module == "LSTM")
        )
    return False


if __name__ == "__main__":
    main(holds)
