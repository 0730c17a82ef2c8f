import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
x = torch.randn(seq_len, batch, input_size)

# Wrong: h_0 alone. The LSTM unpacks it along its first dimension, the layers.
one_layer = nn.LSTM(input_size, hidden_size, num_layers=1)
try:
    one_layer(x, torch.zeros(1, batch, hidden_size))
except IndexError as error:
    one_layer_message = f"{type(error).__name__}: {error}"
print("1 layer: ", one_layer_message)
two_layers = nn.LSTM(input_size, hidden_size, num_layers=2)
try:
    two_layers(x, torch.zeros(2, batch, hidden_size))  # (h_0) in parentheses is the same
except RuntimeError as error:
    two_layer_message = f"{type(error).__name__}: {error}"
print("2 layers:", two_layer_message)
assert "index 1 is out of bounds for dimension 0 with size 1" in one_layer_message
assert "hx and cx should also be 3-D but got (2-D, 2-D) tensors" in two_layer_message

# Fix: an LSTM takes the pair (h_0, c_0). A list [h_0, c_0] works the same.
h_0 = torch.randn(2, batch, hidden_size)
c_0 = torch.randn(2, batch, hidden_size)
output, (h_n, c_n) = two_layers(x, (h_0, c_0))
list_output, _ = two_layers(x, [h_0, c_0])
print("(h_0, c_0) -> h_n:", tuple(h_n.shape))
print("[h_0, c_0] gives the same output:", torch.equal(output, list_output))
assert h_n.shape == (2, batch, hidden_size) and torch.equal(output, list_output)
