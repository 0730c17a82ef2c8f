"""The backward half of the top layer's output against a one-direction layer run on flip().

The top layer's input is rebuilt (x, or the output of the layers below run one at a time),
padded if packed, reversed in time with flip(), and fed to a one-direction module holding the
top layer's `_reverse` weights; its output, flipped back, must be the backward half of output.
A packed sequence's backward direction starts at its own last step, not at the padded end.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    layer_by_layer,
    main,
    model_input,
    module,
    padded_input,
    padded_output,
    time_dim,
)

SENTENCE = (
    "The backward half of `output` is a one-direction layer holding the `_reverse` weights, run "
    "on the top layer's input reversed in time with `flip` and flipped back."
)


def holds(config: Config) -> bool | None:
    if not config.bidirectional:
        return None
    rnn = module(config)
    x = model_input(config)
    top = config.num_layers - 1
    with torch.no_grad():
        output, _ = rnn(x)
        below = layer_by_layer(config, rnn, x)[top - 1][0] if top else padded_input(config)
        reverse = module(
            Config(config.module, 1, False, config.batch_first, config.proj_size, config.input),
            input_size=getattr(rnn, f"weight_ih_l{top}_reverse").shape[1],
        )
        for name, weight in reverse.named_parameters():
            weight.copy_(getattr(rnn, name.replace("_l0", f"_l{top}") + "_reverse"))
        dim = time_dim(config)
        flipped, _ = reverse(padded_output(config, below).flip(dim))
    backward = padded_output(config, output)[..., config.out_size :]
    return torch.equal(backward, flipped.flip(dim))


if __name__ == "__main__":
    main(holds)
