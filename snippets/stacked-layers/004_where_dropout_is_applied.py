import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, dropout=0.5)
x = torch.randn(seq_len, batch, input_size)

# The same two layers as separate single-layer LSTMs, without any dropout.
bottom = nn.LSTM(input_size, hidden_size)
top = nn.LSTM(hidden_size, hidden_size)
for layer, suffix in ((bottom, "_l0"), (top, "_l1")):
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(layer, name + "_l0").data.copy_(getattr(lstm, name + suffix))

lstm.train()  # dropout is only active in training mode
torch.manual_seed(1)
output, (h_n, c_n) = lstm(x)

# By hand: layer 0, then dropout on its output (same seed, so the same mask), then layer 1.
bottom_output, (bottom_h_n, bottom_c_n) = bottom(x)
torch.manual_seed(1)
dropped = nn.functional.dropout(bottom_output, p=0.5, training=True)
top_output, (top_h_n, top_c_n) = top(dropped)
undropped_top_output, _ = top(bottom_output)

print("output == layer 1 run on dropout(layer 0 output):", torch.equal(output, top_output))
print("output == layer 1 run on layer 0 output, as is: ", torch.equal(output, undropped_top_output))
print("zeros in dropout(layer 0 output):", int((dropped == 0).sum()), "of", dropped.numel())
kept = dropped != 0
scaled = torch.equal(dropped[kept], 2 * bottom_output[kept])
print("the values kept are scaled by 1 / (1 - 0.5) = 2:", scaled)
print("zeros in output:", int((output == 0).sum()), "| in h_n:", int((h_n == 0).sum()))
print("h_n[0] == layer 0's last step, not dropped:", torch.equal(h_n[0], bottom_output[-1]))
print("h_n[-1] == output[-1], not dropped:        ", torch.equal(h_n[-1], output[-1]))
assert torch.equal(output, top_output) and not torch.equal(output, undropped_top_output)
assert (dropped == 0).sum() > 0 and scaled and (output == 0).sum() == 0 and (h_n == 0).sum() == 0
assert torch.equal(h_n[0], bottom_output[-1]) and torch.equal(h_n[-1], output[-1])
assert torch.equal(c_n[0], bottom_c_n[0]) and torch.equal(c_n[1], top_c_n[0])
