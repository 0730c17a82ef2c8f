"""h_n's first dimension against D * num_layers."""

from lstm_site.claim_grid import Config, final_hidden, main, run

SENTENCE = "`h_n` has `D * num_layers` rows, one for each layer and direction."


def holds(config: Config) -> bool:
    _, state = run(config)
    return final_hidden(state).shape[0] == config.directions * config.num_layers


if __name__ == "__main__":
    main(holds)
