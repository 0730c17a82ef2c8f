"""sum(p.numel() for p in module.parameters()) against the formula, summed over layers and
directions. G is 4 for nn.LSTM, 3 for nn.GRU, 1 for nn.RNN."""

from lstm_site.claim_grid import HIDDEN_SIZE, INPUT_SIZE, Config, main, module

SENTENCE = (
    "`sum(p.numel() for p in lstm.parameters())` is, summed over layers `k` and directions, "
    "`G * hidden_size * (in_k + H_out) + 2 * G * hidden_size`, plus `proj_size * hidden_size` "
    "with a projection (`G` = 4 for `nn.LSTM`, 3 for `nn.GRU`, 1 for `nn.RNN`; `in_k` is "
    "`input_size` for layer 0, `D * H_out` above)."
)

GATES = {"LSTM": 4, "GRU": 3, "RNN": 1}


def holds(config: Config) -> bool:
    G, H, H_out = GATES[config.module], HIDDEN_SIZE, config.out_size
    total = 0
    for k in range(config.num_layers):
        in_k = INPUT_SIZE if k == 0 else config.directions * H_out
        per_direction = G * H * (in_k + H_out) + 2 * G * H + config.proj_size * H
        total += config.directions * per_direction
    return sum(p.numel() for p in module(config).parameters()) == total


if __name__ == "__main__":
    main(holds)
