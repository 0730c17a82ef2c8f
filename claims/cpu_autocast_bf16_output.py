"""A float32 module called on float32 input inside torch.autocast on the CPU, in bfloat16."""

import torch

from lstm_site.claim_grid import Config, main, model_input, module, padded_output, state_tensors

SENTENCE = (
    'Inside `torch.autocast("cpu", dtype=torch.bfloat16)`, a float32 module returns its `output` '
    "and final state in bfloat16."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
        output, state = rnn(model_input(config))
    tensors = (padded_output(config, output), *state_tensors(state))
    return all(t.dtype == torch.bfloat16 for t in tensors)


if __name__ == "__main__":
    main(holds)
