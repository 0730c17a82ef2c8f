import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 3

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# One single-layer LSTM per layer, holding the stacked LSTM's weights for that layer.
layers = nn.ModuleList(
    nn.LSTM(input_size if k == 0 else hidden_size, hidden_size) for k in range(num_layers)
)
for k, layer in enumerate(layers):
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(layer, name + "_l0").data.copy_(getattr(lstm, f"{name}_l{k}"))

h, every_h, every_c_n = x, [], []
for layer in layers:
    h, (_, layer_c_n) = layer(h)  # this layer's output is the next layer's input
    every_h.append(h)
    every_c_n.append(layer_c_n[0])
all_h = torch.stack(every_h)  # (num_layers, seq_len, batch, hidden_size)

print("all_h:", tuple(all_h.shape))
print("all_h[:, -1] equals h_n (every layer, last step):", torch.equal(all_h[:, -1], h_n))
print("all_h[-1] equals output (top layer, every step): ", torch.equal(all_h[-1], output))
print("all_h[0] equals output (bottom layer):           ", torch.equal(all_h[0], output))
assert all_h.shape == (num_layers, seq_len, batch, hidden_size)
assert torch.equal(all_h[:, -1], h_n) and torch.equal(torch.stack(every_c_n), c_n)
assert torch.equal(all_h[-1], output) and not torch.equal(all_h[0], output)
