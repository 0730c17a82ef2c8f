"""An autoregressive rollout against one pass over the observed steps and the fed-back values.

A Linear head maps the last step's D * H_out features to the next input (input_size features).
The rollout runs the module on the observed input, then calls it HORIZON - 1 times on one step,
the head's last prediction, passing the state the previous call returned. One pass runs the
module on the observed input followed by those predictions; its steps from the last observed one
on, through the head, must give the rollout's predictions (torch.allclose, atol=1e-6). Packed
input ends each sequence at its own length, where a fed-back step cannot be appended to a
tensor: the claim does not speak of it.
"""

import torch
from torch import nn

from lstm_site.claim_grid import Config, close, main, model_input, module, seed, time_dim

SENTENCE = (
    "Feeding each prediction back as the next step's input, with the state the previous call "
    "returned, gives the forecast of one pass over the observed steps followed by the fed-back "
    "values, up to float rounding."
)
HORIZON = 3


def holds(config: Config) -> bool | None:
    if config.input == "packed":
        return None
    rnn = module(config)
    x, dim = model_input(config), time_dim(config)
    with torch.no_grad():
        output, state = rnn(x)
        seed(4)
        head = nn.Linear(output.shape[-1], x.shape[-1])
        value = head(output.narrow(dim, -1, 1))  # one step, in the module's layout
        predictions = [value]
        for _ in range(HORIZON - 1):
            step_output, state = rnn(value, state)
            value = head(step_output)
            predictions.append(value)
        one_pass, _ = rnn(torch.cat([x, *predictions[:-1]], dim=dim))
        observed = x.shape[dim]
        replayed = head(one_pass.narrow(dim, observed - 1, HORIZON))
    return close(replayed, torch.cat(predictions, dim=dim))


if __name__ == "__main__":
    main(holds)
