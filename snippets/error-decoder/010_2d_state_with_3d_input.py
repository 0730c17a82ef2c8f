import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 1

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)

# Wrong: a state without the layer dimension, (batch, hidden_size), as an LSTMCell uses.
h_0 = torch.zeros(batch, hidden_size)
c_0 = torch.zeros(batch, hidden_size)
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "For batched 3-D input, hx and cx should also be 3-D but got (2-D, 2-D) tensors" in message

# Fix: add the layer dimension in front, (num_layers, batch, hidden_size).
output, (h_n, c_n) = lstm(x, (h_0.unsqueeze(0), c_0.unsqueeze(0)))
print("h_0.unsqueeze(0):", tuple(h_0.unsqueeze(0).shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == (num_layers, batch, hidden_size)
