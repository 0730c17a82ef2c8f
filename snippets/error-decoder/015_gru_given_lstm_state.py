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

# The same message from two LSTMs in nn.Sequential: the second is given the first's whole return
# value, (output, (h_n, c_n)), as its input.
stacked = nn.Sequential(nn.LSTM(input_size, hidden_size), nn.LSTM(hidden_size, hidden_size))
try:
    stacked(x)
except AttributeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "'tuple' object has no attribute 'dim'" in message

# Fix: unpack the first LSTM's output (in a Module, in its forward), and give the second that.
first, second = stacked
output, _ = first(x)
output, (h_n, c_n) = second(output)
print("second(output) -> output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert output.shape == (seq_len, batch, hidden_size)
