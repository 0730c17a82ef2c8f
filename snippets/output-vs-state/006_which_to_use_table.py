import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="LSTM with projections")  # oneDNN notice
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
h_n_caveat = "one direction, no padding; else [see below](#when-h_n-1-is-not-the-answer)"
rows = [  # (you want, take, shapes, holds for): printed below, and asserted against torch first
    ("one prediction per sequence", "h_n[-1]", ["(batch, H_out)"], h_n_caveat),
    ("one prediction per step", "output", ["(seq_len, batch, D * H_out)"], "`batch_first=False`"),
    ("the same, batch first", "output", ["(batch, seq_len, D * H_out)"], "`batch_first=True`"),
    ("to continue the sequence (one direction) or start a same-sized decoder", "(h_n, c_n)",
     ["(D * num_layers, batch, H_out)", "(D * num_layers, batch, hidden_size)"], "any layout"),
]  # fmt: skip
grid = list(itertools.product((1, 2), (False, True), (0, 8), (False, True)))
for num_layers, bidirectional, proj_size, batch_first in grid:
    D, H_out = (2 if bidirectional else 1), (proj_size or hidden_size)
    options = dict(batch_first=batch_first, bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    x = torch.randn((batch, seq_len, input_size) if batch_first else (seq_len, batch, input_size))
    output, (h_n, c_n) = lstm(x)
    taken = {"h_n[-1]": [h_n[-1]], "output": [output], "(h_n, c_n)": [h_n, c_n]}
    for _, take, formulas, holds_for in rows:
        if take != "output" or holds_for == f"`batch_first={batch_first}`":
            assert [t.shape for t in taken[take]] == [eval(f) for f in formulas], take
    lstm(x, (h_n, c_n))  # the state carries on

print("| You want | Take | Shape | Holds for |\n|---|---|---|---|")
for want, take, formulas, holds_for in rows:
    print(
        f"| {want} | `{take}` | " + " and ".join(f"`{f}`" for f in formulas) + f" | {holds_for} |"
    )
print(f"\nChecked against torch on {len(grid)} configurations at build.")
