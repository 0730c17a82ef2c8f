import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers = 5, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, input_size)
output, (h_n, c_n) = lstm(x)

# The same sequence as a batch of one: (seq_len, 1, input_size).
output_b, (h_n_b, c_n_b) = lstm(x.unsqueeze(1))
print("batched output:", tuple(output_b.shape), "-> output_b[:, 0]:", tuple(output_b[:, 0].shape))
print("output equals output_b[:, 0]:", torch.equal(output, output_b[:, 0]))
print("h_n equals h_n_b[:, 0]:      ", torch.equal(h_n, h_n_b[:, 0]))
print("c_n equals c_n_b[:, 0]:      ", torch.equal(c_n, c_n_b[:, 0]))
assert torch.equal(output, output_b[:, 0])
assert torch.equal(h_n, h_n_b[:, 0]) and torch.equal(c_n, c_n_b[:, 0])
