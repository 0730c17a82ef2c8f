import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
rows = [  # (module, input, returns, shapes): printed, and asserted against torch first
    ("nn.LSTM", "a sequence", "output, (h_n, c_n)",
     "(seq_len, batch, D * H_out)", "(D * num_layers, batch, H_out)",
     "(D * num_layers, batch, hidden_size)"),
    ("nn.GRU`, `nn.RNN", "a sequence", "output, h_n",
     "(seq_len, batch, D * hidden_size)", "(D * num_layers, batch, hidden_size)"),
    ("nn.LSTMCell", "one step", "(h_1, c_1)", "(batch, hidden_size)", "(batch, hidden_size)"),
    ("nn.GRUCell`, `nn.RNNCell", "one step", "h_1", "(batch, hidden_size)"),
]  # fmt: skip


def shapes(result):
    """The shape of every tensor a module returns, in order, nesting flattened."""
    if isinstance(result, torch.Tensor):
        return [result.shape]
    return [shape for part in result for shape in shapes(part)]


x = torch.randn(seq_len, batch, input_size)
grid = list(itertools.product((1, 2, 3), (False, True), (0, 8)))
for num_layers, bidirectional, proj_size in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(num_layers=num_layers, bidirectional=bidirectional)
    returned = [  # the cells take one step, x[0]
        [nn.LSTM(input_size, hidden_size, proj_size=proj_size, **options)(x)],
        [
            nn.GRU(input_size, hidden_size, **options)(x),
            nn.RNN(input_size, hidden_size, **options)(x),
        ],
        [nn.LSTMCell(input_size, hidden_size)(x[0])],
        [nn.GRUCell(input_size, hidden_size)(x[0]), nn.RNNCell(input_size, hidden_size)(x[0])],
    ]
    for (_, _, _, *formulas), results in zip(rows, returned, strict=True):
        for result in results:
            assert shapes(result) == [eval(formula) for formula in formulas], formulas

print("| Module | Input | Returns | Shapes |\n|---|---|---|---|")
for module, given, returns, *formulas in rows:
    print(f"| `{module}` | {given} | `{returns}` | " + ", ".join(f"`{f}`" for f in formulas) + " |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
