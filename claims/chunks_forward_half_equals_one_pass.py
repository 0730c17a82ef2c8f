"""The forward half of output, fed in chunks with the state carried, against one pass.

As in chunks_with_carried_state_equal_one_pass, with torch.allclose (atol=1e-6), but only the
first H_out features of output are compared: the forward direction's. Bidirectional modules
only (with one direction the forward half is all of output: that is the other claim).
"""

import torch

from lstm_site.claim_grid import (
    Config,
    close,
    main,
    module,
    padded_input,
    time_dim,
)

SENTENCE = (
    "In a bidirectional module fed in chunks with the state carried, the forward half of "
    "`output` is that of one pass, equal up to float rounding."
)


def holds(config: Config) -> bool | None:
    if config.input == "packed" or not config.bidirectional:
        return None
    rnn = module(config)
    x, dim = padded_input(config), time_dim(config)
    with torch.no_grad():
        output, _ = rnn(x)
        outputs, carried = [], None
        for chunk in x.split([1, 2, 2], dim=dim):
            chunk_output, carried = rnn(chunk, carried)
            outputs.append(chunk_output)
    forward = slice(0, config.out_size)
    chunked = torch.cat(outputs, dim=dim)[..., forward]
    return close(chunked, output[..., forward])


if __name__ == "__main__":
    main(holds)
