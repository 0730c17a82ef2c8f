"""nn.init.orthogonal_ on each gate block of every weight_hh, checked on the parameter itself.

Each block of hidden_size rows is (hidden_size, H_out): square without a projection, taller
than wide with proj_size < hidden_size. Orthogonal means its rows (if fewer) or its columns
are orthonormal: block @ block.T or block.T @ block is the identity, within 1e-5. The module
must still run afterwards.
"""

import torch
from torch import nn

from lstm_site.claim_grid import Config, main, model_input, module

SENTENCE = (
    "`nn.init.orthogonal_` applied to each gate block of every `weight_hh_l{k}` "
    "(`for block in weight.chunk(G): nn.init.orthogonal_(block)`) writes into the parameter "
    "and leaves each block orthogonal: its rows or its columns, whichever are fewer, "
    "orthonormal."
)

GATES = {"LSTM": 4, "GRU": 3, "RNN": 1}


def orthonormal(block: torch.Tensor) -> bool:
    small = block @ block.T if block.shape[0] <= block.shape[1] else block.T @ block
    return torch.allclose(small, torch.eye(small.shape[0]), atol=1e-5)


def holds(config: Config) -> bool:
    rnn = module(config)
    weights = [p for name, p in rnn.named_parameters() if name.startswith("weight_hh")]
    for weight in weights:
        for block in weight.chunk(GATES[config.module]):
            nn.init.orthogonal_(block)
    with torch.no_grad():
        rnn(model_input(config))
    blocks = [b for w in weights for b in w.detach().chunk(GATES[config.module])]
    return all(map(orthonormal, blocks))


if __name__ == "__main__":
    main(holds)
