"""h_0.transpose(0, 1) of a state built (batch, D * num_layers, H_out): not is_contiguous()."""

import torch

from lstm_site.claim_grid import BATCH, Config, main, module

SENTENCE = (
    "`h_0.transpose(0, 1)` of a state built batch first, with a batch of more than one, is not "
    "contiguous; on a GPU, cuDNN wants `h_0` and `c_0` contiguous, so add `.contiguous()`."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # unbatched input has no batch to put first
    module(config)  # NotApplicable where torch refuses the module (proj_size on nn.GRU)
    rows = config.directions * config.num_layers
    return not torch.zeros(BATCH, rows, config.out_size).transpose(0, 1).is_contiguous()


if __name__ == "__main__":
    main(holds)
