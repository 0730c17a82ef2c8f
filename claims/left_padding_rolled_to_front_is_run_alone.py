"""Left padding fixed by moving each sequence's real steps to the front, then packing.

The configuration's padded input is turned into left padding (each sequence rolled by its
padding), then rolled back by the same amount, as a reader would fix it, and fed to the module:
packed for packed input, as a tensor for padded input. On packed input the claim holds when
every sequence's h_n (all layers and directions) is that of the sequence run alone, up to float
rounding; on padded input, when some sequence's is not.
"""

import torch

from lstm_site.claim_grid import (
    SEQ_LEN,
    Config,
    as_model_input,
    close,
    final_hidden,
    main,
    module,
    padded_input,
    steps_first,
)

SENTENCE = (
    "Rolling each left-padded sequence back by its padding (`torch.roll`), so that its real "
    "steps come first, then packing the batch, gives each sequence the `h_n` of its lone run, "
    "up to float rounding; fed unpacked, the rolled batch does not."
)


def holds(config: Config) -> bool | None:
    if config.input not in ("padded", "packed"):
        return None  # no padding to place on the left
    rnn = module(config)
    x = steps_first(config, padded_input(config))
    lengths = config.lengths.tolist()
    left = x.clone()
    for sequence, length in enumerate(lengths):
        left[:, sequence] = x[:, sequence].roll(SEQ_LEN - length, dims=0)
    fixed = left.clone()
    for sequence, length in enumerate(lengths):
        fixed[:, sequence] = left[:, sequence].roll(length - SEQ_LEN, dims=0)
    with torch.no_grad():
        _, state = rnn(as_model_input(config, steps_first(config, fixed)))
        h_n = final_hidden(state)
        own = [
            close(h_n[:, sequence], final_hidden(rnn(x[:length, sequence])[1]))
            for sequence, length in enumerate(lengths)
        ]
    return all(own) if config.input == "packed" else not all(own)


if __name__ == "__main__":
    main(holds)
