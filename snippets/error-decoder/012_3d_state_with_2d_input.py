import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers = 5, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, input_size)  # ONE sequence, no batch dimension

# Wrong: a state with a batch dimension of 1.
h_0 = torch.zeros(num_layers, 1, hidden_size)
c_0 = torch.zeros(num_layers, 1, hidden_size)
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "For unbatched 2-D input, hx and cx should also be 2-D but got (3-D, 3-D) tensors" in message

# Fix: give both a batch dimension (x.unsqueeze(1)), or neither (h_0.squeeze(1)).
output, (h_n, c_n) = lstm(x.unsqueeze(1), (h_0, c_0))
print("x.unsqueeze(1):", tuple(x.unsqueeze(1).shape), "-> h_n:", tuple(h_n.shape))
output, (h_n, c_n) = lstm(x, (h_0.squeeze(1), c_0.squeeze(1)))
print("h_0.squeeze(1):", tuple(h_0.squeeze(1).shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == (num_layers, hidden_size)
