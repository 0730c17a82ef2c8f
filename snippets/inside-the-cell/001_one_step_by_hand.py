import torch
from torch import nn

torch.manual_seed(0)
batch, input_size, hidden_size = 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(1, batch, input_size)  # one time step
h_0 = torch.randn(1, batch, hidden_size)
c_0 = torch.randn(1, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))

# The module's weights, cut into the four gates in PyTorch's order: i, f, g, o.
W_ii, W_if, W_ig, W_io = lstm.weight_ih_l0.chunk(4)  # each (hidden_size, input_size)
W_hi, W_hf, W_hg, W_ho = lstm.weight_hh_l0.chunk(4)  # each (hidden_size, hidden_size)
b_ii, b_if, b_ig, b_io = lstm.bias_ih_l0.chunk(4)  # each (hidden_size,)
b_hi, b_hf, b_hg, b_ho = lstm.bias_hh_l0.chunk(4)

# One step by hand. The rows of x_t are the batch, so `W x` is written `x @ W.T`.
x_t, h_prev, c_prev = x[0], h_0[0], c_0[0]
i = torch.sigmoid(x_t @ W_ii.T + b_ii + h_prev @ W_hi.T + b_hi)  # input gate
f = torch.sigmoid(x_t @ W_if.T + b_if + h_prev @ W_hf.T + b_hf)  # forget gate
g = torch.tanh(x_t @ W_ig.T + b_ig + h_prev @ W_hg.T + b_hg)  # candidate cell state
o = torch.sigmoid(x_t @ W_io.T + b_io + h_prev @ W_ho.T + b_ho)  # output gate
c_t = f * c_prev + i * g
h_t = o * torch.tanh(c_t)

c_matches = torch.allclose(c_t, c_n[0], atol=1e-6)
h_matches = torch.allclose(h_t, h_n[0], atol=1e-6)
output_matches = torch.allclose(h_t, output[0], atol=1e-6)
print("each gate:", tuple(i.shape), tuple(f.shape), tuple(g.shape), tuple(o.shape))
print("c_t = f * c_prev + i * g within 1e-6 of c_n[0]:  ", c_matches)
print("h_t = o * tanh(c_t)      within 1e-6 of h_n[0]:  ", h_matches)
print("h_t                      within 1e-6 of output[0]:", output_matches)
assert i.shape == f.shape == g.shape == o.shape == (batch, hidden_size)
assert c_matches and h_matches and output_matches
