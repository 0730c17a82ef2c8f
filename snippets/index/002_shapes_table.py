import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
shapes = {  # printed below, and asserted against torch first
    "output": "(seq_len, batch, D * H_out)",
    "h_n": "(D * num_layers, batch, H_out)",
    "c_n": "(D * num_layers, batch, hidden_size)",
}
grid = list(itertools.product((1, 2, 3), (False, True), (0, 8)))
for num_layers, bidirectional, proj_size in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    output, (h_n, c_n) = lstm(torch.randn(seq_len, batch, input_size))
    for name, tensor in {"output": output, "h_n": h_n, "c_n": c_n}.items():
        assert tensor.shape == eval(shapes[name]), (name, tensor.shape)

print("| Tensor | Shape (default, `batch_first=False`) |\n|---|---|")
for name, formula in shapes.items():
    print(f"| `{name}` | `{formula}` |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
