import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_layers = 3, 5, 4, 6, 2
encoder = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True, batch_first=True)
output, (h_n, c_n) = encoder(torch.randn(batch, seq_len, input_size))
print("h_n:", tuple(h_n.shape), "= (num_layers * 2, batch, hidden_size)")

# Rows are layer 0 forward, layer 0 backward, layer 1 forward, ...: split them first.
split = h_n.view(num_layers, 2, batch, hidden_size)  # (layer, direction, batch, hidden)
print("split:", tuple(split.shape))

# Concatenate the directions: a decoder with hidden_size = 2 * hidden_size.
h_cat = torch.cat([split[:, 0], split[:, 1]], dim=2)
print("concatenated:", tuple(h_cat.shape))
# Or sum them: a decoder with the encoder's hidden_size.
h_sum = split.sum(dim=1)
print("summed:      ", tuple(h_sum.shape))


def bridge(state: torch.Tensor) -> torch.Tensor:
    """(num_layers * 2, batch, H) -> (num_layers, batch, 2 * H), each layer's directions joined."""
    split = state.view(num_layers, 2, state.shape[1], state.shape[2])
    return torch.cat([split[:, 0], split[:, 1]], dim=2)


decoder = nn.LSTM(input_size, 2 * hidden_size, num_layers, batch_first=True)
dec_output, _ = decoder(torch.randn(batch, 4, input_size), (bridge(h_n), bridge(c_n)))
print("decoder output with the concatenated state:", tuple(dec_output.shape))

# The check: the top layer is the forward half of output at the last step and the
# backward half at step 0 (where the backward direction ends).
top = torch.cat([output[:, -1, :hidden_size], output[:, 0, hidden_size:]], dim=1)
print(
    "bridge(h_n)[-1] is [forward at the last step, backward at step 0]:",
    torch.equal(bridge(h_n)[-1], top),
)
assert h_cat.shape == (num_layers, batch, 2 * hidden_size)
assert h_sum.shape == (num_layers, batch, hidden_size)
assert torch.equal(bridge(h_n)[-1], top) and torch.equal(h_cat, bridge(h_n))
