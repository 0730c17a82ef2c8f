"""nn.LSTM given h_0 alone, lstm(x, h_0), instead of the pair (h_0, c_0).

The module unpacks the one tensor along its first dimension, D * num_layers, into h_0 and c_0:
with two rows or more, rows 0 and 1 become a 2-D "h_0" and "c_0", which the batched check
refuses with "hx and cx should also be 3-D"; with one row there is no row 1.
"""

import torch

from lstm_site.claim_grid import Config, initial_state, main, model_input, module

SENTENCE = (
    "`lstm(x, h_0)`, `h_0` alone instead of the pair `(h_0, c_0)`, raises an error that says "
    "`hx and cx should also be 3-D`."
)


def holds(config: Config) -> bool | None:
    if config.module != "LSTM":
        return None
    h_0, _ = initial_state(config)
    try:
        with torch.no_grad():
            module(config)(model_input(config), h_0)
    except (RuntimeError, IndexError, ValueError) as error:
        return "hx and cx should also be 3-D" in str(error)
    return False


if __name__ == "__main__":
    main(holds)
