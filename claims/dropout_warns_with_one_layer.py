"""Creating the module with dropout=0.5: does torch warn that dropout needs more layers?"""

import warnings

from lstm_site.claim_grid import Config, main, module

SENTENCE = (
    "Creating the module with `dropout=0.5` warns that dropout expects `num_layers` greater "
    "than 1: with one layer it has nowhere to apply."
)


def holds(config: Config) -> bool:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module(config, dropout=0.5)
    return any("num_layers greater than 1" in str(warning.message) for warning in caught)


if __name__ == "__main__":
    main(holds)
