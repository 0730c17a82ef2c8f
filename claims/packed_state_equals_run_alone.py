"""Each sequence's final state against that sequence run alone, cut at its length, unbatched.

Compared with torch.allclose (atol=1e-6): in a batch the kernels add in another order than for
one sequence, and the packed values differ from the lone run in the last bits (they are not
bit-equal). Padded input that is not packed runs its short sequences through the padding.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    close,
    main,
    model_input,
    module,
    padded_input,
    state_tensors,
    steps_first,
)

SENTENCE = (
    "Each sequence's `h_n` (and `c_n`) equals that of the sequence run alone, cut at its own "
    "length, up to float rounding."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # one sequence: nothing else in the batch
    rnn = module(config)
    by_step = steps_first(config, padded_input(config))
    with torch.no_grad():
        _, state = rnn(model_input(config))
        for sequence, length in enumerate(config.lengths.tolist()):
            _, alone = rnn(by_step[:length, sequence])
            for batched, lone in zip(state_tensors(state), state_tensors(alone), strict=True):
                if not close(batched[:, sequence], lone):
                    return False
    return True


if __name__ == "__main__":
    main(holds)
