import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 2, 10, 20
x = torch.randn(seq_len, batch, input_size)

# LSTM code with nn.GRU swapped in: `(h_n, c_n)` unpacks the GRU's h_n along its FIRST
# dimension, which is D * num_layers (not batch, and not "h and c").
gru = nn.GRU(input_size, hidden_size)
output, h_n = gru(x)
print("one layer:    h_n is", tuple(h_n.shape))
try:
    output, (h_n, c_n) = gru(x)
except ValueError as error:
    one_layer_error = str(error)
    print("  output, (h_n, c_n) = gru(x) ->", error)

gru = nn.GRU(input_size, hidden_size, num_layers=3)
output, h_n = gru(x)
print("three layers: h_n is", tuple(h_n.shape))
try:
    output, (h_n, c_n) = gru(x)
except ValueError as error:
    three_layer_error = str(error)
    print("  output, (h_n, c_n) = gru(x) ->", error)

assert one_layer_error.startswith("not enough values to unpack (expected 2, got 1)")
assert three_layer_error.startswith("too many values to unpack (expected 2")
