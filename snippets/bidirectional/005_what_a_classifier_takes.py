import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2
H, num_classes = hidden_size, 4

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Right: the top layer's forward and backward final states, side by side.
final = torch.cat([h_n[-2], h_n[-1]], dim=1)
print("torch.cat([h_n[-2], h_n[-1]], dim=1):", tuple(final.shape))  # (batch, 2 * hidden_size)
top = h_n.view(num_layers, 2, batch, hidden_size)[-1]  # (2, batch, hidden_size)
print(
    "same as the view's top layer, concatenated:",
    torch.equal(final, torch.cat([top[0], top[1]], dim=1)),
)
from_output = torch.cat([output[-1, :, :H], output[0, :, H:]], dim=1)
print("same as output[-1, :, :H] with output[0, :, H:]:", torch.equal(final, from_output))
logits = nn.Linear(2 * hidden_size, num_classes)(final)
print("logits:", tuple(logits.shape))

# Wrong 1: h_n[-1] alone is only the backward direction (and half the features).
print(
    "h_n[-1]:",
    tuple(h_n[-1].shape),
    "is the backward half of final:",
    torch.equal(h_n[-1], final[:, H:]),
)
# Wrong 2: output[-1] has the right shape, but only its forward half is right.
print("output[-1]:", tuple(output[-1].shape), "equals final:", torch.equal(output[-1], final))
print(
    "  forward half right:",
    torch.equal(output[-1, :, :H], final[:, :H]),
    "| backward half right:",
    torch.equal(output[-1, :, H:], final[:, H:]),
)

assert final.shape == (batch, 2 * hidden_size) and logits.shape == (batch, num_classes)
assert torch.equal(final, torch.cat([top[0], top[1]], dim=1)) and torch.equal(final, from_output)
assert h_n[-1].shape == (batch, hidden_size) and torch.equal(h_n[-1], final[:, H:])
assert output[-1].shape == final.shape and not torch.equal(output[-1], final)
assert torch.equal(output[-1, :, :H], final[:, :H])
assert not torch.equal(output[-1, :, H:], final[:, H:])
