import itertools
import warnings

import torch
from torch import nn

torch.manual_seed(0)
# On CPUs with oneDNN, torch warns that proj_size uses its default kernel (shapes are unaffected).
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
# Sizes that differ from each other, so a swapped dimension cannot match by accident.
seq_len, batch, input_size, hidden_size = 7, 11, 3, 13
L, N, H_in, H_cell = seq_len, batch, input_size, hidden_size

# Every combination of: batched, batch_first, bidirectional, num_layers, proj_size.
grid = list(itertools.product((True, False), (False, True), (False, True), (1, 2, 3), (0, 5)))
mismatches = []
for batched, batch_first, bidirectional, num_layers, proj_size in grid:
    D = 2 if bidirectional else 1
    H_out = proj_size if proj_size > 0 else hidden_size
    if not batched:
        x = torch.randn(L, H_in)
        expected = [(L, D * H_out), (D * num_layers, H_out), (D * num_layers, H_cell)]
    elif batch_first:
        x = torch.randn(N, L, H_in)
        expected = [(N, L, D * H_out), (D * num_layers, N, H_out), (D * num_layers, N, H_cell)]
    else:
        x = torch.randn(L, N, H_in)
        expected = [(L, N, D * H_out), (D * num_layers, N, H_out), (D * num_layers, N, H_cell)]

    options = dict(batch_first=batch_first, bidirectional=bidirectional, proj_size=proj_size)
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    # Once with the default (zero) initial state, once with (h_0, c_0) of the formulas' shapes.
    for state in (None, (torch.zeros(expected[1]), torch.zeros(expected[2]))):
        output, (h_n, c_n) = lstm(x, state)
        if [output.shape, h_n.shape, c_n.shape] != expected:
            mismatches.append((batched, batch_first, bidirectional, num_layers, proj_size))

print("configurations checked:", len(grid))
print("every shape equals its formula:", not mismatches)
assert len(grid) == 48
assert not mismatches
