import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
shapes = {  # (batched, unbatched); printed below, and asserted against torch first
    "`input`": ("(seq_len, batch, input_size)", "(seq_len, input_size)"),
    "`output`": ("(seq_len, batch, D * H_out)", "(seq_len, D * H_out)"),
    "`h_0`, `h_n`": ("(D * num_layers, batch, H_out)", "(D * num_layers, H_out)"),
    "`c_0`, `c_n`": ("(D * num_layers, batch, hidden_size)", "(D * num_layers, hidden_size)"),
}
grid = list(itertools.product((1, 2), (False, True), (0, 8), (0, 1)))
for num_layers, bidirectional, proj_size, unbatched in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    x = torch.randn(eval(shapes["`input`"][unbatched]))
    h_0 = torch.zeros(eval(shapes["`h_0`, `h_n`"][unbatched]))
    c_0 = torch.zeros(eval(shapes["`c_0`, `c_n`"][unbatched]))
    output, (h_n, c_n) = lstm(x, (h_0, c_0))  # the state of these shapes is accepted
    assert output.shape == eval(shapes["`output`"][unbatched])
    assert h_n.shape == h_0.shape and c_n.shape == c_0.shape

print("| Tensor | batched (`batch_first=False`) | unbatched (2-D input) |\n|---|---|---|")
for name, (batched, unbatched) in shapes.items():
    print(f"| {name} | `{batched}` | `{unbatched}` |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
