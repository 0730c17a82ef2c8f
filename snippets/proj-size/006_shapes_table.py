import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
shapes = {  # printed below, and asserted against torch first
    "`output`": "(seq_len, batch, D * proj_size)",
    "`h_n`, `h_0`": "(D * num_layers, batch, proj_size)",
    "`c_n`, `c_0`": "(D * num_layers, batch, hidden_size)",
}
grid = list(itertools.product((1, 2), (False, True), (4, 8)))
for num_layers, bidirectional, proj_size in grid:
    D = 2 if bidirectional else 1
    options = dict(bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    h_0, c_0 = torch.zeros(eval(shapes["`h_n`, `h_0`"])), torch.zeros(eval(shapes["`c_n`, `c_0`"]))
    output, (h_n, c_n) = lstm(torch.randn(seq_len, batch, input_size), (h_0, c_0))
    assert output.shape == eval(shapes["`output`"])
    assert h_n.shape == h_0.shape and c_n.shape == c_0.shape

print("| Tensor | Shape with `proj_size` |\n|---|---|")
for name, formula in shapes.items():
    unchanged = " — unchanged" if "hidden_size" in formula else ""
    print(f"| {name} | `{formula}`{unchanged} |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
