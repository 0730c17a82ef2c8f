import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 3

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

print("output:", tuple(output.shape))  # (seq_len, batch, hidden_size): top layer only
print("h_n:   ", tuple(h_n.shape))  # (num_layers, batch, hidden_size): one row per layer
print("c_n:   ", tuple(c_n.shape))
# Only layer 0 reads x (input_size columns); layers 1 and 2 read the layer below (hidden_size).
for k in range(num_layers):
    print(f"weight_ih_l{k}:", tuple(getattr(lstm, f"weight_ih_l{k}").shape))
assert output.shape == (seq_len, batch, hidden_size)
assert h_n.shape == c_n.shape == (num_layers, batch, hidden_size)
assert lstm.weight_ih_l0.shape == (4 * hidden_size, input_size)
assert lstm.weight_ih_l1.shape == lstm.weight_ih_l2.shape == (4 * hidden_size, hidden_size)
