import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
inputs = {  # printed below, and asserted against torch first
    "": "(seq_len, batch, input_size)",
    " with `batch_first=True`": "(batch, seq_len, input_size)",
    " for one sequence": "(seq_len, input_size)",
}
states = ("(D * num_layers, batch, H_out)", "(D * num_layers, batch, hidden_size)")
grid = list(itertools.product((1, 2), (False, True), (0, 8), inputs))
for num_layers, bidirectional, proj_size, layout in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first="batch" in layout, **options)
    x = torch.randn(eval(inputs[layout]))
    h_0, c_0 = (torch.zeros(eval(shape)) for shape in states)  # the same whatever batch_first
    if "one sequence" in layout:
        h_0, c_0 = h_0[:, 0], c_0[:, 0]  # and without batch for one sequence
    result = lstm(x, (h_0, c_0))
    assert type(result) is tuple and type(result[1]) is tuple and len(result[1]) == 2
    assert x.dtype == lstm.weight_ih_l0.dtype == torch.float32

x_text = ", or ".join(f"`{shape}`{layout}" for layout, shape in inputs.items())
print("| What | What `nn.LSTM` expects |\n|---|---|")
print(f"| input `x` | {x_text}; float32, like the weights |")
print(f"| initial state | a pair `(h_0, c_0)`: `{states[0]}` and `{states[1]}`, whatever", end=" ")
print("`batch_first` says, and without `batch` for one sequence |")
print(
    "| `D`, `H_out` | `D` is 2 if bidirectional, else 1; `H_out` is `proj_size` if set, else",
    end=" ",
)
print("`hidden_size` |")
print(
    "| what it returns | `output, (h_n, c_n)`: a tuple, not a tensor, whose second item is a pair |"
)
print(f"\nChecked against torch on {len(grid)} configurations at build.")
