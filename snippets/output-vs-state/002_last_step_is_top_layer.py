import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

top_layer_matches = torch.equal(output[-1], h_n[-1])
bottom_layer_matches = torch.equal(output[-1], h_n[0])
print("output[-1] equals h_n[-1] (top layer):   ", top_layer_matches)
print("output[-1] equals h_n[0]  (bottom layer):", bottom_layer_matches)
assert top_layer_matches and not bottom_layer_matches
