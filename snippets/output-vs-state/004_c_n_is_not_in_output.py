import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = 3 * torch.randn(seq_len, batch, input_size)  # large inputs push the cell state past 1
output, (h_n, c_n) = lstm(x)

c_n_at_any_step = any(torch.allclose(output[t], c_n[-1]) for t in range(seq_len))
print("c_n[-1] equals output at some step:", c_n_at_any_step)
print("every |output| < 1 (h = o * tanh(c)):", bool(output.abs().max() < 1))
print("some |c_n| > 1 (the cell state is not squashed):", bool(c_n.abs().max() > 1))
assert not c_n_at_any_step
assert output.abs().max() < 1 < c_n.abs().max()
