import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
L, N, H_in, H_cell = 7, 11, 3, 13  # all different, so a swapped dimension cannot pass
layouts = ["batched, `batch_first=False`", "batched, `batch_first=True`", "unbatched (2-D input)"]
shapes = {  # per layout; printed below, and asserted against torch first
    "`input`": ["(L, N, H_in)", "(N, L, H_in)", "(L, H_in)"],
    "`output`": ["(L, N, D * H_out)", "(N, L, D * H_out)", "(L, D * H_out)"],
    "`h_0` and `h_n`": ["(D * num_layers, N, H_out)"] * 2 + ["(D * num_layers, H_out)"],
    "`c_0` and `c_n`": ["(D * num_layers, N, H_cell)"] * 2 + ["(D * num_layers, H_cell)"],
}
grid = list(itertools.product(range(3), (False, True), (1, 2, 3), (0, 5)))
for layout, bidirectional, num_layers, proj_size in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or H_cell)
    options = dict(batch_first=layout == 1, bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(H_in, H_cell, num_layers, **options)
    x = torch.randn(eval(shapes["`input`"][layout]))
    h_0 = torch.zeros(eval(shapes["`h_0` and `h_n`"][layout]))
    c_0 = torch.zeros(eval(shapes["`c_0` and `c_n`"][layout]))
    output, (h_n, c_n) = lstm(x, (h_0, c_0))  # the state of these shapes is accepted
    assert output.shape == eval(shapes["`output`"][layout])
    assert h_n.shape == h_0.shape and c_n.shape == c_0.shape

print("| Tensor | " + " | ".join(layouts) + " |\n|---|---|---|---|")
for name, formulas in shapes.items():
    print(f"| {name} | " + " | ".join(f"`{formula}`" for formula in formulas) + " |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
