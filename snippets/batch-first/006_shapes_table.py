import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
shapes = {  # (batch_first=False, True); printed below, and asserted against torch first
    "`input`": ("(seq_len, batch, input_size)", "(batch, seq_len, input_size)"),
    "`output`": ("(seq_len, batch, D * H_out)", "(batch, seq_len, D * H_out)"),
    "`h_0`, `h_n`": ("(D * num_layers, batch, H_out)",) * 2,
    "`c_0`, `c_n`": ("(D * num_layers, batch, hidden_size)",) * 2,
}
grid = list(itertools.product((1, 2), (False, True), (0, 8), (False, True)))
for num_layers, bidirectional, proj_size, batch_first in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(batch_first=batch_first, bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    x = torch.randn(eval(shapes["`input`"][batch_first]))
    h_0 = torch.zeros(eval(shapes["`h_0`, `h_n`"][batch_first]))
    c_0 = torch.zeros(eval(shapes["`c_0`, `c_n`"][batch_first]))
    output, (h_n, c_n) = lstm(x, (h_0, c_0))  # the state of these shapes is accepted
    assert output.shape == eval(shapes["`output`"][batch_first])
    assert h_n.shape == h_0.shape and c_n.shape == c_0.shape

print("| Tensor | `batch_first=False` (default) | `batch_first=True` |\n|---|---|---|")
for name, (time_first, batch_first) in shapes.items():
    unchanged = ", unchanged" if time_first == batch_first else ""
    print(f"| {name} | `{time_first}` | `{batch_first}`{unchanged} |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
