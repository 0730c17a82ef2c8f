"""The module's named parameters against the list the sentence gives, with their shapes.

G is the number of gate blocks (4 for nn.LSTM, 3 for nn.GRU, 1 for nn.RNN). The names and
shapes must be exactly those listed, in any order: no other parameter (no layer norm, no
peephole weights) is allowed.
"""

from lstm_site.claim_grid import HIDDEN_SIZE, INPUT_SIZE, Config, main, module

SENTENCE = (
    "Layer `k` (suffix `_reverse` for its backward direction) holds `weight_ih_l{k}` "
    "`(G * hidden_size, in_k)`, `weight_hh_l{k}` `(G * hidden_size, H_out)`, `bias_ih_l{k}` and "
    "`bias_hh_l{k}` `(G * hidden_size,)` and, with `proj_size`, `weight_hr_l{k}` "
    "`(proj_size, hidden_size)`, and no other parameter; `G` is 4 gate blocks for `nn.LSTM`, "
    "3 for `nn.GRU`, 1 for `nn.RNN`, and `in_k` is `input_size` for layer 0, `D * H_out` above."
)

GATES = {"LSTM": 4, "GRU": 3, "RNN": 1}


def expected(config: Config) -> dict[str, tuple[int, ...]]:
    rows = GATES[config.module] * HIDDEN_SIZE
    shapes = {}
    for k in range(config.num_layers):
        in_k = INPUT_SIZE if k == 0 else config.directions * config.out_size
        for suffix in (f"_l{k}", f"_l{k}_reverse")[: config.directions]:
            shapes |= {
                f"weight_ih{suffix}": (rows, in_k),
                f"weight_hh{suffix}": (rows, config.out_size),
                f"bias_ih{suffix}": (rows,),
                f"bias_hh{suffix}": (rows,),
            }
            if config.proj_size:
                shapes[f"weight_hr{suffix}"] = (config.proj_size, HIDDEN_SIZE)
    return shapes


def holds(config: Config) -> bool:
    named = {name: tuple(p.shape) for name, p in module(config).named_parameters()}
    return named == expected(config)


if __name__ == "__main__":
    main(holds)
