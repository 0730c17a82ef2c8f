"""A bidirectional encoder's state, directions joined per layer, fed to a one-direction decoder.

Each state tensor (h_n, and c_n for nn.LSTM) is split with .view(num_layers, 2, batch, size)
and its directions concatenated on the last dimension. The decoder is the same kind of module
with num_layers layers, one direction, and twice the encoder's hidden_size (and proj_size). It
must accept the state, and the top layer must be torch.cat([h_n[-2], h_n[-1]], dim=1). The view
names `batch`: bidirectional modules on a batch only.
"""

import torch
from torch import nn

from lstm_site.claim_grid import (
    BATCH,
    HIDDEN_SIZE,
    INPUT_SIZE,
    Config,
    final_hidden,
    main,
    padded_input,
    run,
    state_tensors,
)

SENTENCE = (
    "A bidirectional encoder's final state, split with `.view(num_layers, 2, batch, size)` and "
    "its two directions concatenated on the last dimension, is accepted as the initial state of "
    "a one-direction decoder with `num_layers` layers and twice the encoder's sizes, and its top "
    "layer is `torch.cat([h_n[-2], h_n[-1]], dim=1)`."
)


def join_directions(config: Config, state: torch.Tensor) -> torch.Tensor:
    split = state.view(config.num_layers, 2, BATCH, state.shape[-1])
    return torch.cat([split[:, 0], split[:, 1]], dim=2)


def holds(config: Config) -> bool | None:
    if not config.bidirectional or not config.batched:
        return None
    with torch.no_grad():
        _, state = run(config)
        bridged = tuple(join_directions(config, part) for part in state_tensors(state))
        sizes = {"hidden_size": 2 * HIDDEN_SIZE, "num_layers": config.num_layers}
        if config.proj_size:
            sizes["proj_size"] = 2 * config.proj_size
        decoder = getattr(nn, config.module)(INPUT_SIZE, batch_first=config.batch_first, **sizes)
        try:
            decoder(padded_input(config), bridged if len(bridged) == 2 else bridged[0])
        except RuntimeError:
            return False
    h_n = final_hidden(state)
    return torch.equal(bridged[0][-1], torch.cat([h_n[-2], h_n[-1]], dim=1))


if __name__ == "__main__":
    main(holds)
