import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

cell = nn.LSTMCell(input_size, hidden_size)
x = torch.randn(seq_len, batch, input_size)
h_0 = torch.zeros(1, batch, hidden_size)  # shaped for nn.LSTM: (num_layers, batch, hidden_size)
c_0 = torch.zeros(1, batch, hidden_size)

try:
    cell(x)  # a whole sequence
except ValueError as error:
    input_message = f"{type(error).__name__}: {error}"
print(input_message)
try:
    cell(x[0], (h_0, c_0))  # one step, but nn.LSTM's state
except ValueError as error:
    state_message = f"{type(error).__name__}: {error}"
print(state_message)
assert "LSTMCell: Expected input to be 1D or 2D, got 3D instead" in input_message
assert "LSTMCell: Expected hx[0] to be 1D or 2D, got 3D instead" in state_message

# Fix: a cell takes one step, (batch, input_size), and a state without the layer dimension.
h, c = h_0[0], c_0[0]
for x_t in x:  # loop over the time steps yourself
    h, c = cell(x_t, (h, c))
print("x_t:", tuple(x[0].shape), " h_0[0]:", tuple(h_0[0].shape), "-> h:", tuple(h.shape))
assert h.shape == c.shape == (batch, hidden_size)
