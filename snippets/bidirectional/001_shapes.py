import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

print("output:", tuple(output.shape))  # (seq_len, batch, 2 * hidden_size)
print("h_n:   ", tuple(h_n.shape))  # (2 * num_layers, batch, hidden_size)
print("c_n:   ", tuple(c_n.shape))
by_layer = h_n.view(num_layers, 2, batch, hidden_size)  # (layer, direction, batch, hidden)
print("h_n.view(num_layers, 2, batch, hidden_size):", tuple(by_layer.shape))
print("input weights:", [name for name, _ in lstm.named_parameters() if "weight_ih" in name])
assert output.shape == (seq_len, batch, 2 * hidden_size)
assert h_n.shape == c_n.shape == (2 * num_layers, batch, hidden_size)
assert hasattr(lstm, "weight_ih_l0_reverse") and hasattr(lstm, "weight_ih_l1_reverse")
assert by_layer.shape == (num_layers, 2, batch, hidden_size)
