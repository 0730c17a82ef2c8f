import warnings

import torch
from torch import nn

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2
proj_size = 8

lstm = nn.LSTM(input_size, hidden_size, num_layers, proj_size=proj_size)
x = torch.randn(seq_len, batch, input_size)

# Right: h_0 has proj_size features, c_0 has hidden_size features.
h_0 = torch.zeros(num_layers, batch, proj_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("accepted: h_0", tuple(h_0.shape), "and c_0", tuple(c_0.shape))

# Wrong: h_0 sized like c_0, with hidden_size features.
try:
    lstm(x, (torch.zeros(num_layers, batch, hidden_size), c_0))
except RuntimeError as error:
    h_0_error = str(error)
    print("h_0 with hidden_size:", error)

# Wrong: c_0 sized like h_0, with proj_size features.
try:
    lstm(x, (h_0, torch.zeros(num_layers, batch, proj_size)))
except RuntimeError as error:
    c_0_error = str(error)
    print("c_0 with proj_size:  ", error)

assert h_n.shape == h_0.shape and c_n.shape == c_0.shape
assert "Expected hidden[0] size (2, 3, 8), got [2, 3, 20]" in h_0_error
assert "Expected hidden[1] size (2, 3, 20), got [2, 3, 8]" in c_0_error
