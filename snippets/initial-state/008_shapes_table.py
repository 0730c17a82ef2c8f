import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
shapes = {  # printed below, and asserted against torch first
    "`h_0`": "(D * num_layers, batch, H_out)",
    "`c_0`": "(D * num_layers, batch, hidden_size)",
}
grid = list(itertools.product((1, 2), (False, True), (0, 8), (False, True)))
for num_layers, bidirectional, proj_size, batch_first in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(batch_first=batch_first, bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    x = torch.randn((batch, seq_len, input_size) if batch_first else (seq_len, batch, input_size))
    h_0, c_0 = torch.zeros(eval(shapes["`h_0`"])), torch.zeros(eval(shapes["`c_0`"]))
    output, (h_n, c_n) = lstm(x, (h_0, c_0))  # accepted, whatever batch_first says
    assert torch.equal(output, lstm(x)[0])  # "if omitted": the same as zeros
    assert h_n.shape == h_0.shape and c_n.shape == c_0.shape

print("| Tensor | Shape | If omitted |\n|---|---|---|")
for name, formula in shapes.items():
    print(f"| {name} | `{formula}` | zeros |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
