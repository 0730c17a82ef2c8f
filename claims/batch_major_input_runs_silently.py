"""A (batch, seq_len, input_size) tensor fed to a module built with batch_first=False."""

import torch

from lstm_site.claim_grid import BATCH, SEQ_LEN, Config, final_hidden, main, module, padded_input

SENTENCE = (
    "A `(batch, seq_len, input_size)` tensor given to a module built without `batch_first=True` "
    "raises no error and returns `output` in the shape a batch-first module would: the module "
    "reads the batch as the steps, and only the state shows it, `h_n.shape[1]` being `seq_len`."
)


def holds(config: Config) -> bool | None:
    if config.batch_first or config.input not in ("batched", "padded"):
        return None  # the sentence is about a tensor in the other layout
    x = padded_input(config).transpose(0, 1)  # (batch, seq_len, input_size): the mistake
    with torch.no_grad():
        output, state = module(config)(x)
    return output.shape[:2] == (BATCH, SEQ_LEN) and final_hidden(state).shape[1] == SEQ_LEN


if __name__ == "__main__":
    main(holds)
