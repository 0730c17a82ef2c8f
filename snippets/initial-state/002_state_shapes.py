import warnings

import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2
D = 2  # bidirectional=True
proj_size = 8  # then H_out = proj_size (without proj_size, H_out = hidden_size)

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True, proj_size=proj_size)
x = torch.randn(seq_len, batch, input_size)

h_0 = torch.zeros(D * num_layers, batch, proj_size)  # (D * num_layers, batch, H_out)
c_0 = torch.zeros(D * num_layers, batch, hidden_size)  # (D * num_layers, batch, hidden_size)
# On CPU, torch may warn once that oneDNN has no proj_size support and it uses its own code.
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    output, (h_n, c_n) = lstm(x, (h_0, c_0))

print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
print("c_0:", tuple(c_0.shape), "-> c_n:", tuple(c_n.shape))
print("(h_n, c_n) has the shapes of (h_0, c_0):", h_n.shape == h_0.shape and c_n.shape == c_0.shape)
assert h_n.shape == h_0.shape == (D * num_layers, batch, proj_size)
assert c_n.shape == c_0.shape == (D * num_layers, batch, hidden_size)
