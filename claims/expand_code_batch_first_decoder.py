"""A (batch, H_out) code vector repeated over time with expand, fed to a decoder.

The code is the top row of h_n. The decoder is the configuration's module (its layout, layers,
directions and proj_size) with input_size H_out; it reads the expanded code as a tensor. Each
sequence's decoder output must be, within float rounding, that of the decoder run on its code
alone, seq_len times (unbatched), and the expanded tensor must not copy (stride 0 over time).
With batch_first=False the decoder reads the batch as the steps: the shapes differ.
"""

import torch

from lstm_site.claim_grid import SEQ_LEN, Config, close, final_hidden, main, module, run

SENTENCE = (
    "`code.unsqueeze(1).expand(-1, seq_len, -1)` repeats a `(batch, size)` code vector at every "
    "step without copying it, in the layout a `batch_first=True` decoder reads: each sequence's "
    "decoder output is that of its own code fed alone at every step."
)


def holds(config: Config) -> bool | None:
    if not config.batched:
        return None  # a code per sequence needs a batch
    with torch.no_grad():
        _, state = run(config)
        code = final_hidden(state)[-1]
        expanded = code.unsqueeze(1).expand(-1, SEQ_LEN, -1)
        decoder = module(config, input_size=code.shape[-1])
        output, _ = decoder(expanded)
        by_step = output if config.batch_first else output.transpose(0, 1)
        alone = [decoder(code[b].expand(SEQ_LEN, -1))[0] for b in range(len(code))]
    return expanded.stride(1) == 0 and all(close(by_step[b], alone[b]) for b in range(len(code)))


if __name__ == "__main__":
    main(holds)
