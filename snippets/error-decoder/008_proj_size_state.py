import warnings

import torch
from torch import nn

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers, proj_size = 5, 3, 10, 20, 2, 8

lstm = nn.LSTM(input_size, hidden_size, num_layers, proj_size=proj_size)
x = torch.randn(seq_len, batch, input_size)

with_hidden_size = torch.zeros(num_layers, batch, hidden_size)
with_proj_size = torch.zeros(num_layers, batch, proj_size)
# Wrong: h_0 and c_0 built alike, both with hidden_size ...
try:
    lstm(x, (with_hidden_size, with_hidden_size))
except RuntimeError as error:
    h_message = f"{type(error).__name__}: {error}"
print(h_message)
# ... or both with proj_size.
try:
    lstm(x, (with_proj_size, with_proj_size))
except RuntimeError as error:
    c_message = f"{type(error).__name__}: {error}"
print(c_message)
assert "Expected hidden[0] size (2, 3, 8), got [2, 3, 20]" in h_message
assert "Expected hidden[1] size (2, 3, 20), got [2, 3, 8]" in c_message

# Fix: h_0 has proj_size features, c_0 has hidden_size features.
h_0, c_0 = with_proj_size, with_hidden_size
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
print("c_0:", tuple(c_0.shape), "-> c_n:", tuple(c_n.shape))
assert h_n.shape == h_0.shape and c_n.shape == c_0.shape
