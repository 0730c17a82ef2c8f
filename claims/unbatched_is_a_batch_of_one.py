"""A 2-D input against the same sequence as a batch of one, in the module's layout.

The batch of one is x.unsqueeze(1) (x.unsqueeze(0) with batch_first); its output and state, with
the batch dimension removed, must be the unbatched run's, bit for bit.
"""

import torch

from lstm_site.claim_grid import Config, main, module, padded_input, state_tensors

SENTENCE = (
    "A 2-D input, one sequence without a batch dimension, gives exactly the result of a batch of "
    "one with the batch dimension removed: `output` and every state."
)


def holds(config: Config) -> bool | None:
    if config.input != "unbatched":
        return None
    rnn = module(config)
    x = padded_input(config)
    batch_dim = 0 if config.batch_first else 1
    with torch.no_grad():
        output, state = rnn(x)
        batch_output, batch_state = rnn(x.unsqueeze(batch_dim))
    same = torch.equal(output, batch_output.squeeze(batch_dim))
    return same and all(
        torch.equal(alone, of_one.squeeze(1))
        for alone, of_one in zip(state_tensors(state), state_tensors(batch_state), strict=True)
    )


if __name__ == "__main__":
    main(holds)
