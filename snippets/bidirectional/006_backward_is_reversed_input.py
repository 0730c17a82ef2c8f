import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
H = hidden_size

lstm = nn.LSTM(input_size, hidden_size, bidirectional=True)  # one layer
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Two ordinary one-direction LSTMs: one with the forward weights, one with the _reverse weights.
forward = nn.LSTM(input_size, hidden_size)
backward = nn.LSTM(input_size, hidden_size)
for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
    getattr(forward, name + "_l0").data.copy_(getattr(lstm, name + "_l0"))
    getattr(backward, name + "_l0").data.copy_(getattr(lstm, name + "_l0_reverse"))

forward_output, (forward_h_n, forward_c_n) = forward(x)
reversed_output, (backward_h_n, backward_c_n) = backward(x.flip(0))  # read the steps last-first

print("output[:, :, :H] == forward LSTM on x:", torch.equal(output[:, :, :H], forward_output))
print(
    "output[:, :, H:] == backward LSTM on x.flip(0), flipped back:",
    torch.equal(output[:, :, H:], reversed_output.flip(0)),
)
print(
    "output[:, :, H:] == backward LSTM on x.flip(0), not flipped back:",
    torch.equal(output[:, :, H:], reversed_output),
)
print(
    "h_n[-1] == the backward LSTM's h_n (it ends at x[0]):", torch.equal(h_n[-1], backward_h_n[0])
)
assert torch.equal(output[:, :, :H], forward_output)
assert torch.equal(output[:, :, H:], reversed_output.flip(0))
assert not torch.equal(output[:, :, H:], reversed_output)
assert torch.equal(h_n, torch.cat([forward_h_n, backward_h_n]))
assert torch.equal(c_n, torch.cat([forward_c_n, backward_c_n]))
