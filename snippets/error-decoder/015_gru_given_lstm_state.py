import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 1

gru = nn.GRU(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
h_0 = torch.zeros(num_layers, batch, hidden_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
try:
    gru(x, (h_0, c_0))  # an LSTM's state: a GRU has no cell state
except AttributeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "'tuple' object has no attribute 'dim'" in message

# Fix: a GRU's state is the single tensor h_0.
output, h_n = gru(x, h_0)
print("gru(x, h_0) -> output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert h_n.shape == h_0.shape
