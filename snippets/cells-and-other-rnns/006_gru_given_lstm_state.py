import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 2, 10, 20
x = torch.randn(seq_len, batch, input_size)
h_0 = torch.zeros(1, batch, hidden_size)
c_0 = torch.zeros(1, batch, hidden_size)

# A GRU's initial state is one tensor, h_0; an LSTM's is the pair (h_0, c_0).
gru = nn.GRU(input_size, hidden_size)
output, h_n = gru(x, h_0)
print("gru(x, h_0) works, h_n:", tuple(h_n.shape))
try:
    gru(x, (h_0, c_0))
except AttributeError as error:
    pair_error = str(error)
    print("gru(x, (h_0, c_0)):", error)

assert h_n.shape == (1, batch, hidden_size)
assert "'tuple' object has no attribute 'dim'" in pair_error
