import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers = 5, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, input_size)  # one sequence, no batch dimension
output, (h_n, c_n) = lstm(x)

print("input: ", tuple(x.shape))  # (seq_len, input_size)
print("output:", tuple(output.shape))  # (seq_len, hidden_size)
print("h_n:   ", tuple(h_n.shape))  # (num_layers, hidden_size)
print("c_n:   ", tuple(c_n.shape))  # (num_layers, hidden_size)
print("h_n[-1]:", tuple(h_n[-1].shape))  # (hidden_size,): the top layer, 1-D
print("output[-1] equals h_n[-1]:", torch.equal(output[-1], h_n[-1]))
assert output.shape == (seq_len, hidden_size)
assert h_n.shape == c_n.shape == (num_layers, hidden_size)
assert h_n[-1].shape == (hidden_size,)
assert torch.equal(output[-1], h_n[-1])
