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
output, (h_n, c_n) = lstm(x)

print("output:", tuple(output.shape))  # (seq_len, batch, proj_size)
print("h_n:   ", tuple(h_n.shape))  # (num_layers, batch, proj_size)
print("c_n:   ", tuple(c_n.shape))  # (num_layers, batch, hidden_size)
print("output[-1] equals h_n[-1]:", torch.equal(output[-1], h_n[-1]))
assert output.shape == (seq_len, batch, proj_size)
assert h_n.shape == (num_layers, batch, proj_size)
assert c_n.shape == (num_layers, batch, hidden_size)
assert torch.equal(output[-1], h_n[-1])

# Bidirectional (D = 2): both directions are projected.
bi_lstm = nn.LSTM(input_size, hidden_size, num_layers, proj_size=proj_size, bidirectional=True)
output, (h_n, c_n) = bi_lstm(x)
print("bidirectional output:", tuple(output.shape))  # (seq_len, batch, 2 * proj_size)
print("bidirectional h_n:   ", tuple(h_n.shape))  # (2 * num_layers, batch, proj_size)
print("bidirectional c_n:   ", tuple(c_n.shape))  # (2 * num_layers, batch, hidden_size)
assert output.shape == (seq_len, batch, 2 * proj_size)
assert h_n.shape == (2 * num_layers, batch, proj_size)
assert c_n.shape == (2 * num_layers, batch, hidden_size)
