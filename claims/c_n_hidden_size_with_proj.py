"""The last dimension of c_n and h_n with a projection: c_n is never projected."""

from lstm_site.claim_grid import HIDDEN_SIZE, Config, main, run

SENTENCE = (
    "With `proj_size > 0`, `c_n` keeps `hidden_size` as its last dimension, "
    "while `h_n` has `proj_size`."
)
MODULES = ("LSTM",)  # only nn.LSTM has proj_size and c_n


def holds(config: Config) -> bool | None:
    if not config.proj_size:
        return None
    _, (h_n, c_n) = run(config)
    return c_n.shape[-1] == HIDDEN_SIZE and h_n.shape[-1] == config.proj_size


if __name__ == "__main__":
    main(holds)
