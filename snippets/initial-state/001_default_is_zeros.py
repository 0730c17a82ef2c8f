import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)

output, (h_n, c_n) = lstm(x)  # no (h_0, c_0): both default to zeros

h_0 = torch.zeros(num_layers, batch, hidden_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
output_zeros, (h_n_zeros, c_n_zeros) = lstm(x, (h_0, c_0))

print("h_0, c_0:", tuple(h_0.shape), tuple(c_0.shape))
print("explicit zeros give the same output:", torch.equal(output, output_zeros))
print("and the same h_n, c_n:", torch.equal(h_n, h_n_zeros) and torch.equal(c_n, c_n_zeros))
assert torch.equal(output, output_zeros)
assert torch.equal(h_n, h_n_zeros) and torch.equal(c_n, c_n_zeros)

# Any other state changes the result.
output_other, _ = lstm(x, (torch.ones_like(h_0), c_0))
print("a non-zero h_0 changes the output:", not torch.equal(output, output_other))
assert not torch.equal(output, output_other)
