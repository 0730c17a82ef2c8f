import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
x = torch.randn(seq_len, batch, input_size)

# `(h_n, c_n)` unpacks a GRU's h_n along its first dimension, num_layers.
gru = nn.GRU(input_size, hidden_size, num_layers=1)
try:
    output, (h_n, c_n) = gru(x)
except ValueError as error:
    one_layer_message = f"{type(error).__name__}: {error}"
print("1 layer: ", one_layer_message)
gru = nn.GRU(input_size, hidden_size, num_layers=3)
try:
    output, (h_n, c_n) = gru(x)
except ValueError as error:
    three_layer_message = f"{type(error).__name__}: {error}"
print("3 layers:", three_layer_message)
assert "not enough values to unpack (expected 2, got 1)" in one_layer_message
assert "too many values to unpack (expected 2" in three_layer_message

# Fix: a GRU returns output, h_n.
output, h_n = gru(x)
print("output, h_n = gru(x) -> h_n:", tuple(h_n.shape))
assert h_n.shape == (3, batch, hidden_size)
