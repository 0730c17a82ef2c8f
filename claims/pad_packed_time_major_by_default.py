"""The layout pad_packed_sequence returns without its own batch_first, for each module layout.

The configuration's packed output is padded back with pad_packed_sequence(output) (no
batch_first given). The claim holds when its shape is (longest length, batch, D * H_out).
"""

from torch.nn.utils.rnn import pad_packed_sequence

from lstm_site.claim_grid import BATCH, Config, main, run

SENTENCE = (
    "`pad_packed_sequence(output)` returns `(seq_len, batch, D * H_out)` unless it is given "
    "`batch_first=True` itself, whatever the module's `batch_first`."
)


def holds(config: Config) -> bool | None:
    if config.input != "packed":
        return None  # only a packed output is padded back
    output, _ = run(config)
    padded, _ = pad_packed_sequence(output)
    longest = int(config.lengths.max())
    return tuple(padded.shape) == (longest, BATCH, config.directions * config.out_size)


if __name__ == "__main__":
    main(holds)
