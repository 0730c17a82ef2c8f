"""The module against a copy whose bias_hh is moved into bias_ih (bias_ih + bias_hh, and zeros).

Compared with torch.allclose (atol=1e-6): the sum is added in another order, which changes the
last bits. nn.GRU's candidate adds b_hn inside r * (W_hn h + b_hn), so there the split matters.
"""

import torch

from lstm_site.claim_grid import Config, close, main, model_input, module, padded_output

SENTENCE = (
    "Only the sum of `bias_ih` and `bias_hh` matters: moving all of `bias_hh` into `bias_ih` "
    "leaves `output` unchanged, up to float rounding."
)


def holds(config: Config) -> bool:
    rnn, moved = module(config), module(config)
    with torch.no_grad():
        for name, bias in moved.named_parameters():
            if name.startswith("bias_hh"):
                getattr(moved, name.replace("bias_hh", "bias_ih")).add_(bias)
                bias.zero_()
        output, _ = rnn(model_input(config))
        moved_output, _ = moved(model_input(config))
    return close(padded_output(config, output), padded_output(config, moved_output))


if __name__ == "__main__":
    main(holds)
