import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

stacked = nn.LSTM(input_size, hidden_size, num_layers=2)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = stacked(x)

# Run the same two layers one at a time, with the stacked LSTM's own weights.
bottom = nn.LSTM(input_size, hidden_size)
top = nn.LSTM(hidden_size, hidden_size)
for layer, suffix in ((bottom, "_l0"), (top, "_l1")):
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(layer, name + "_l0").data.copy_(getattr(stacked, name + suffix))
bottom_output, (bottom_h, bottom_c) = bottom(x)
top_output, (top_h, top_c) = top(bottom_output)

print("output is the top layer at every step:", torch.allclose(output, top_output))
print("output is not the bottom layer:       ", not torch.allclose(output, bottom_output))
print("h_n[0] is the bottom layer's last step:", torch.allclose(h_n[0], bottom_output[-1]))
print("h_n[1] is the top layer's last step:   ", torch.allclose(h_n[1], top_output[-1]))
assert torch.allclose(output, top_output)
assert not torch.allclose(output, bottom_output)
assert torch.allclose(h_n[0], bottom_output[-1]) and torch.allclose(h_n[1], top_output[-1])
assert torch.allclose(c_n[0], bottom_c[0]) and torch.allclose(c_n[1], top_c[0])
