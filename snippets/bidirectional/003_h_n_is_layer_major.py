import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2
H = hidden_size

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Rebuild each layer as a one-layer bidirectional LSTM holding the stacked LSTM's weights.
bottom = nn.LSTM(input_size, hidden_size, bidirectional=True)
top = nn.LSTM(2 * hidden_size, hidden_size, bidirectional=True)
for layer, k in ((bottom, 0), (top, 1)):
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        for direction in ("", "_reverse"):
            getattr(layer, f"{name}_l0{direction}").data.copy_(
                getattr(lstm, f"{name}_l{k}{direction}")
            )
bottom_output, (bottom_h_n, bottom_c_n) = bottom(x)
top_output, (top_h_n, top_c_n) = top(bottom_output)  # the top layer reads both directions

rows = {
    "h_n[0] is layer 0 forward: ": bottom_output[-1, :, :H],
    "h_n[1] is layer 0 backward:": bottom_output[0, :, H:],
    "h_n[2] is layer 1 forward: ": top_output[-1, :, :H],
    "h_n[3] is layer 1 backward:": top_output[0, :, H:],
}
for index, (label, expected) in enumerate(rows.items()):
    print(label, torch.equal(h_n[index], expected))
    assert torch.equal(h_n[index], expected)
assert torch.equal(output, top_output)
assert torch.equal(h_n, torch.cat([bottom_h_n, top_h_n]))
assert torch.equal(c_n, torch.cat([bottom_c_n, top_c_n]))

# The common mistake: direction first. view(2, num_layers, ...)[0] is layer 0, both directions.
wrong = h_n.view(2, num_layers, batch, hidden_size)
print("h_n.view(2, num_layers, ...)[0] is the forward rows:", torch.equal(wrong[0], h_n[0::2]))
print("h_n.view(2, num_layers, ...)[0] is layer 0:         ", torch.equal(wrong[0], h_n[0:2]))
assert not torch.equal(wrong[0], h_n[0::2]) and torch.equal(wrong[0], h_n[0:2])
