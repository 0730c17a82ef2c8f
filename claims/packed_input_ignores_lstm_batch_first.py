"""One PackedSequence through the module built with batch_first=True and with False.

The two modules have the same weights (claim_grid.module seeds them; batch_first draws nothing).
The claim holds when the packed outputs' data and the states are bit for bit equal.
"""

from dataclasses import replace

import torch

from lstm_site.claim_grid import Config, main, model_input, module, state_tensors

SENTENCE = (
    "For packed input, the module's `batch_first` changes nothing: the packed `output` and the "
    "state are those of the same module built with the other setting."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None  # a tensor input is laid out by batch_first
    packed = model_input(config)
    other = replace(config, batch_first=not config.batch_first)
    with torch.no_grad():
        output, state = module(config)(packed)
        other_output, other_state = module(other)(packed)
    same_state = all(
        torch.equal(a, b)
        for a, b in zip(state_tensors(state), state_tensors(other_state), strict=True)
    )
    return torch.equal(output.data, other_output.data) and same_state


if __name__ == "__main__":
    main(holds)
