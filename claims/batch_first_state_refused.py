"""A state laid out like a batch-first input, (batch, D * num_layers, H), passed to the module.

The claim is that torch refuses it: the call must raise a RuntimeError (`Expected hidden[0]
size` from nn.LSTM's shape check, `Expected hidden size` from nn.GRU's and nn.RNN's; packed
input fails elsewhere). A call that runs used the state the wrong way round, silently.
"""

import torch

from lstm_site.claim_grid import BATCH, HIDDEN_SIZE, Config, main, model_input, module

SENTENCE = (
    "An initial state laid out batch first, `(batch, D * num_layers, H_out)`, raises an error "
    "unless `batch` equals `D * num_layers`; then it runs, with the state the wrong way round."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # unbatched input has no batch to put first
    rows = config.directions * config.num_layers
    h_0 = torch.zeros(BATCH, rows, config.out_size)
    state = (h_0, torch.zeros(BATCH, rows, HIDDEN_SIZE)) if config.module == "LSTM" else h_0
    rnn = module(config)
    try:
        with torch.no_grad():
            rnn(model_input(config), state)
    except RuntimeError:
        return rows != BATCH
    return rows == BATCH


if __name__ == "__main__":
    main(holds)
