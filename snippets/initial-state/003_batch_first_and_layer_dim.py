import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_layers = 3, 5, 10, 20, 2

# batch_first=True changes x and output, NOT the state: batch stays its second dimension.
lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)
h_0 = torch.zeros(num_layers, batch, hidden_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("batch_first=True: x", tuple(x.shape), "h_0", tuple(h_0.shape), "h_n", tuple(h_n.shape))
assert output.shape == (batch, seq_len, hidden_size)
assert h_n.shape == (num_layers, batch, hidden_size)

# A state without the layer dimension, (batch, hidden_size), is refused, even for one layer.
one_layer = nn.LSTM(input_size, hidden_size, batch_first=True)
try:
    one_layer(x, (torch.zeros(batch, hidden_size), torch.zeros(batch, hidden_size)))
except RuntimeError as error:
    message = str(error)
print(message)
assert "hx and cx should also be 3-D" in message
