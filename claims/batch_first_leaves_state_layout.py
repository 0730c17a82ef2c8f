"""h_n's shape against (D * num_layers, batch, H_out), with and without batch_first.

Unbatched input has no batch dimension to place: the claim does not speak of it.
"""

from lstm_site.claim_grid import BATCH, Config, final_hidden, main, run

SENTENCE = (
    "`h_n` keeps the batch in the middle, `(D * num_layers, batch, H_out)`, "
    "with `batch_first=True` as without it."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None
    _, state = run(config)
    expected = (config.directions * config.num_layers, BATCH, config.out_size)
    return tuple(final_hidden(state).shape) == expected


if __name__ == "__main__":
    main(holds)
