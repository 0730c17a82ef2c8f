import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2
H = hidden_size

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

forward, backward = output[:, :, :H], output[:, :, H:]  # the two halves of the last dim
# The forward direction ends at the last step, the backward direction at the first step.
print("output[-1, :, :H] == h_n[-2] (top forward): ", torch.equal(forward[-1], h_n[-2]))
print("output[0, :, H:]  == h_n[-1] (top backward):", torch.equal(backward[0], h_n[-1]))
print("output[-1, :, H:] == h_n[-1]:               ", torch.equal(backward[-1], h_n[-1]))

by_layer = h_n.view(num_layers, 2, batch, hidden_size)
print(
    "view[-1, 0] is h_n[-2], view[-1, 1] is h_n[-1]:",
    torch.equal(by_layer[-1, 0], h_n[-2]) and torch.equal(by_layer[-1, 1], h_n[-1]),
)
assert torch.equal(forward[-1], h_n[-2]) and torch.equal(backward[0], h_n[-1])
assert not torch.equal(backward[-1], h_n[-1])
assert torch.equal(by_layer[-1, 0], h_n[-2]) and torch.equal(by_layer[-1, 1], h_n[-1])
assert all(
    torch.equal(by_layer[layer, direction], h_n[2 * layer + direction])
    for layer in range(num_layers)
    for direction in range(2)
)
