"""A 2-D input to the same weights with batch_first=True and with batch_first=False."""

import torch

from lstm_site.claim_grid import Config, main, module, padded_input, state_tensors

SENTENCE = (
    "On a 2-D input `batch_first` changes nothing: it is read as `(seq_len, input_size)` either "
    "way, and the same weights give the same `output` and state."
)


def holds(config: Config) -> bool | None:
    if config.input != "unbatched":
        return None
    other = Config(
        config.module,
        config.num_layers,
        config.bidirectional,
        not config.batch_first,
        config.proj_size,
        config.input,
    )
    x = padded_input(config)
    with torch.no_grad():
        output, state = module(config)(x)
        other_output, other_state = module(other)(x)
    return torch.equal(output, other_output) and all(
        map(torch.equal, state_tensors(state), state_tensors(other_state))
    )


if __name__ == "__main__":
    main(holds)
