"""Carried state with backward(retain_graph=True) and an in-place SGD step in between.

The second backward() goes through the first call's graph again, which saved the weights as
they were before optimizer.step() changed them in place.
"""

import torch

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "With the state carried and `backward(retain_graph=True)`, the next `backward()` raises "
    "`modified by an inplace operation` once an optimizer step has updated the weights in "
    "between."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    optimizer = torch.optim.SGD(rnn.parameters(), lr=0.1)
    x = model_input(config)
    output, state = rnn(x)
    padded_output(config, output).sum().backward(retain_graph=True)
    optimizer.step()
    output, state = rnn(x, state)
    try:
        padded_output(config, output).sum().backward(retain_graph=True)
    except RuntimeError as error:
        return "modified by an inplace operation" in str(error)
    return False


if __name__ == "__main__":
    main(holds)
