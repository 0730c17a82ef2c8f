"""torch.cat([h_n[-2], h_n[-1]], dim=1), evaluated as written, against output.

The forward half of output is read at each sequence's last real step, the backward half at
step 0 (where the backward direction ends). Code that raises (dim=1 on unbatched, 1-D rows)
does not give the summary. Bidirectional modules only.
"""

import torch

from lstm_site.claim_grid import (
    Config,
    final_hidden,
    last_valid_steps,
    main,
    padded_output,
    run,
    steps_first,
)

SENTENCE = (
    "For a bidirectional module, `torch.cat([h_n[-2], h_n[-1]], dim=1)` is each sequence's "
    "summary: the forward half of `output` at the sequence's last real step beside the backward "
    "half at step 0."
)


def holds(config: Config) -> bool | None:
    if not config.bidirectional:
        return None
    with torch.no_grad():
        output, state = run(config)
    h_n, padded, size = final_hidden(state), padded_output(config, output), config.out_size
    try:
        summary = torch.cat([h_n[-2], h_n[-1]], dim=1)
    except IndexError:
        return False
    forward = last_valid_steps(config, padded)[..., :size]
    backward = steps_first(config, padded)[0][..., size:]
    return torch.equal(summary, torch.cat([forward, backward], dim=-1))


if __name__ == "__main__":
    main(holds)
