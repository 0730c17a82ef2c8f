import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
# On CPUs with oneDNN, torch warns that proj_size uses its default kernel (shapes are unaffected).
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
input_size, hidden_size = 10, 20

# (parameters, the shape of each in this page's symbols): the printed formula is the one checked.
rows = [
    ("`weight_ih_l0`", "(4 * hidden_size, input_size)"),
    ("`weight_ih_l{k}`, `k > 0`", "(4 * hidden_size, D * H_out)"),
    ("`weight_hh_l{k}`", "(4 * hidden_size, H_out)"),
    ("`bias_ih_l{k}`, `bias_hh_l{k}`", "(4 * hidden_size,)"),
    ("`weight_hr_l{k}`, only with `proj_size`", "(proj_size, hidden_size)"),
]
grid = list(itertools.product((1, 2, 3), (False, True), (0, 8)))
for num_layers, bidirectional, proj_size in grid:
    D = 2 if bidirectional else 1
    H_out = proj_size if proj_size > 0 else hidden_size
    lstm = nn.LSTM(
        input_size, hidden_size, num_layers, bidirectional=bidirectional, proj_size=proj_size
    )
    for name, parameter in lstm.named_parameters():
        kind, layer = name.removesuffix("_reverse").rsplit("_l", 1)
        if kind == "weight_ih":
            formula = rows[0][1] if layer == "0" else rows[1][1]
        else:
            formula = {"weight_hh": rows[2][1], "weight_hr": rows[4][1]}.get(kind, rows[3][1])
        assert parameter.shape == eval(formula), (name, formula)
    # Every layer has each parameter, and the backward direction a `_reverse` copy of each.
    per_layer = 4 + (proj_size > 0)
    assert len(list(lstm.parameters())) == num_layers * D * per_layer

print("| Parameter | Shape |")
print("|---|---|")
for name, formula in rows:
    print(f"| {name} | `{formula}` |")
print(f"\nEach shape was checked against torch on {len(grid)} configurations at build.")
