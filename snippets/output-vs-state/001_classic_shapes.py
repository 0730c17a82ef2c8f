import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

print("output:", tuple(output.shape))  # (seq_len, batch, hidden_size)
print("h_n:   ", tuple(h_n.shape))  # (num_layers, batch, hidden_size)
print("c_n:   ", tuple(c_n.shape))  # (num_layers, batch, hidden_size)
assert output.shape == (seq_len, batch, hidden_size)
assert h_n.shape == c_n.shape == (num_layers, batch, hidden_size)
