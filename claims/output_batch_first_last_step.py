"""output[:, -1] against h_n[-1], indexed exactly as the sentence writes them."""

import torch

from lstm_site.claim_grid import Config, final_hidden, main, padded_output, run

SENTENCE = "`output[:, -1]` equals `h_n[-1]`: with `batch_first=True` it is the last step."


def holds(config: Config) -> bool:
    with torch.no_grad():
        output, state = run(config)
    return torch.equal(padded_output(config, output)[:, -1], final_hidden(state)[-1])


if __name__ == "__main__":
    main(holds)
