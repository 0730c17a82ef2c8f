"""Sliding windows cut from one series with Tensor.unfold, laid out as the sentence says, each
window's output against the module run on that window's slice of the series alone.

The series is (SEQ_LEN + 2, input_size); windows of SEQ_LEN steps, one step apart: 3 windows,
the configuration's batch. The windows are one batch of equal lengths: the claim speaks of
batched input only. Outputs are compared with torch.allclose (atol=1e-6): a batch and a lone
run may differ in the last bits.
"""

import torch

from lstm_site.claim_grid import BATCH, INPUT_SIZE, SEQ_LEN, Config, close, main, module, seed

SENTENCE = (
    "`series.unfold(0, size, 1)` of a `(length, features)` series gives "
    "`(length - size + 1, features, size)`, each window's steps last: `.transpose(1, 2)` makes "
    "them `batch_first=True` input, `.permute(2, 0, 1)` input in the default layout."
)


def holds(config: Config) -> bool | None:
    if config.input != "batched":
        return None  # windows of one series are a batch of equal lengths
    rnn = module(config)
    seed(1)
    series = torch.randn(SEQ_LEN + BATCH - 1, INPUT_SIZE)
    windows = series.unfold(0, SEQ_LEN, 1)
    if windows.shape != (BATCH, INPUT_SIZE, SEQ_LEN):
        return False
    x = windows.transpose(1, 2) if config.batch_first else windows.permute(2, 0, 1)
    with torch.no_grad():
        output, _ = rnn(x)
        for window in range(BATCH):
            alone, _ = rnn(series[window : window + SEQ_LEN])  # unbatched
            mine = output[window] if config.batch_first else output[:, window]
            if not close(mine, alone):
                return False
    return True


if __name__ == "__main__":
    main(holds)
