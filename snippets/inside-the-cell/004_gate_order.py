import torch
from torch import nn

torch.manual_seed(0)
batch, input_size, hidden_size = 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(1, batch, input_size)  # one time step
h_0 = torch.randn(1, batch, hidden_size)
c_0 = torch.randn(1, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))

# All four gates at once: one matrix product, then cut the 4 * hidden_size columns in four.
x_t, h_prev, c_prev = x[0], h_0[0], c_0[0]
gates = x_t @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + h_prev @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
print("gates:", tuple(gates.shape))  # (batch, 4 * hidden_size)

i, f, g, o = gates.chunk(4, dim=1)  # PyTorch's order
c_t = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
right_order = torch.allclose(torch.sigmoid(o) * torch.tanh(c_t), h_n[0], atol=1e-6)

i, o, f, g = gates.chunk(4, dim=1)  # another library's order (ONNX: i, o, f, c)
c_t = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
wrong_order = torch.allclose(torch.sigmoid(o) * torch.tanh(c_t), h_n[0], atol=1e-6)

print("read as i, f, g, o: matches nn.LSTM:", right_order)
print("read as i, o, f, g: matches nn.LSTM:", wrong_order)
assert gates.shape == (batch, 4 * hidden_size)
assert right_order and not wrong_order
