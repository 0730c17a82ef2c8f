"""Dot-product attention scores with torch.bmm, evaluated as written on the module's output.

output is padded back if packed (pad_packed_sequence with the same batch_first: the grid's
batch_first axis is both) and kept in the module's own layout; the query is a random
(batch, D * H_out) tensor. The scores must be (batch, seq_len) and score [b, t] the dot product
of output[b, t] and query[b]. With time-major output bmm treats the steps as the batch: it
raises here (seq_len 5, batch 3), which is not the scores.
"""

import torch

from lstm_site.claim_grid import BATCH, SEQ_LEN, Config, main, padded_output, run

SENTENCE = (
    "`torch.bmm(output, query.unsqueeze(2)).squeeze(2)`, with `output` in its layout (the "
    "module's `batch_first`, or for packed input the `batch_first` given to "
    "`pad_packed_sequence`) and a query of shape `(batch, D * H_out)`, gives the attention "
    "scores `(batch, seq_len)`: entry `[b, t]` is the dot product of step `t` of sequence `b` "
    "with `query[b]`."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # no batch for bmm
    with torch.no_grad():
        output, _ = run(config)
    output = padded_output(config, output)
    query = torch.randn(BATCH, output.shape[-1], generator=torch.Generator().manual_seed(3))
    try:
        scores = torch.bmm(output, query.unsqueeze(2)).squeeze(2)
    except RuntimeError:
        return False
    by_step = output if config.batch_first else output.transpose(0, 1)
    expected = (by_step * query.unsqueeze(1)).sum(dim=2)
    return scores.shape == (BATCH, SEQ_LEN) and torch.allclose(scores, expected, atol=1e-6)


if __name__ == "__main__":
    main(holds)
