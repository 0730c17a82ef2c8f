import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size = 3, 5, 4
hidden_size, num_layers = 6, 2  # the encoder's (bidirectional)
dec_hidden_size, dec_num_layers = 10, 3  # the decoder's: other sizes
encoder = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True, batch_first=True)
decoder = nn.LSTM(input_size, dec_hidden_size, dec_num_layers, batch_first=True)
_, (h_n, c_n) = encoder(torch.randn(batch, seq_len, input_size))


def join_directions(state: torch.Tensor) -> torch.Tensor:
    """(num_layers * 2, batch, H) -> (num_layers, batch, 2 * H)."""
    split = state.view(num_layers, 2, state.shape[1], state.shape[2])
    return torch.cat([split[:, 0], split[:, 1]], dim=2)


# A Linear bridge maps the encoder's top layer (both directions) to every decoder layer.
bridge_h = nn.Linear(2 * hidden_size, dec_num_layers * dec_hidden_size)
bridge_c = nn.Linear(2 * hidden_size, dec_num_layers * dec_hidden_size)


def to_decoder(state: torch.Tensor, linear: nn.Linear) -> torch.Tensor:
    top = join_directions(state)[-1]  # (batch, 2 * hidden_size)
    per_layer = linear(top).view(batch, dec_num_layers, dec_hidden_size)
    return per_layer.transpose(0, 1).contiguous()  # (dec_num_layers, batch, dec_hidden_size)


h_0 = torch.tanh(to_decoder(h_n, bridge_h))  # h lies in (-1, 1) in an LSTM; c does not
c_0 = to_decoder(c_n, bridge_c)
print("encoder h_n:", tuple(h_n.shape), "-> decoder h_0:", tuple(h_0.shape))
dec_output, (dec_h_n, _) = decoder(torch.randn(batch, 4, input_size), (h_0, c_0))
print("decoder output:", tuple(dec_output.shape), "h_n:", tuple(dec_h_n.shape))

# Fewer decoder layers and the same sizes: keep the encoder's top layers.
small = nn.LSTM(input_size, 2 * hidden_size, num_layers=1, batch_first=True)
top_layers = (join_directions(h_n)[-1:], join_directions(c_n)[-1:])
print(
    "1-layer decoder from the top layer:",
    tuple(top_layers[0].shape),
    "-> runs:",
    tuple(small(torch.randn(batch, 4, input_size), top_layers)[0].shape),
)

# The reshape without the transpose runs too, and gives each layer mixed sequences.
mixed = bridge_h(join_directions(h_n)[-1]).view(dec_num_layers, batch, dec_hidden_size)
print(
    "view(dec_num_layers, batch, ...) without the transpose, same as the fix:",
    torch.equal(torch.tanh(mixed), h_0),
)
assert h_0.shape == c_0.shape == (dec_num_layers, batch, dec_hidden_size)
assert dec_output.shape == (batch, 4, dec_hidden_size)
assert not torch.equal(torch.tanh(mixed), h_0)
