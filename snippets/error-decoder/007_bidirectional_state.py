import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
x = torch.randn(seq_len, batch, input_size)

# Wrong: one row per layer, as for a one-direction LSTM.
h_0 = torch.zeros(num_layers, batch, hidden_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected hidden[0] size (4, 3, 20), got [2, 3, 20]" in message

# Fix: one row per layer AND direction, 2 * num_layers.
h_0 = torch.zeros(2 * num_layers, batch, hidden_size)
c_0 = torch.zeros(2 * num_layers, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape), " output:", tuple(output.shape))
assert h_n.shape == (2 * num_layers, batch, hidden_size)
