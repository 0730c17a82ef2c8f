import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 10, 20
H = hidden_size

# Bidirectional: h_n[-1] is the top layer's BACKWARD direction only, the one that ends at step 0.
bidirectional = nn.LSTM(input_size, hidden_size, num_layers=2, bidirectional=True)
x = torch.randn(5, 3, input_size)
output, (h_n, c_n) = bidirectional(x)
print(
    "bidirectional: h_n[-1] is the backward half of output[0]:",
    torch.equal(h_n[-1], output[0, :, H:]),
)
print(
    "bidirectional: h_n[-1] is the forward half of output[-1]:",
    torch.equal(h_n[-1], output[-1, :, :H]),
)
summary = torch.cat([h_n[-2], h_n[-1]], dim=1)  # both directions of the top layer
print("bidirectional: both directions, torch.cat([h_n[-2], h_n[-1]], dim=1):", tuple(summary.shape))
assert torch.equal(h_n[-1], output[0, :, H:])
assert not torch.equal(h_n[-1], output[-1, :, :H])
assert summary.shape == (3, 2 * H)

# A padded batch that is not packed: h_n[-1] is the state after the padding.
lstm = nn.LSTM(input_size, hidden_size)
sequences = [torch.randn(length, input_size) for length in (5, 2)]
padded = pad_sequence(sequences)  # (5, 2, input_size): the second sequence gets 3 zero steps
_, (h_n, c_n) = lstm(padded)
_, (alone_h_n, _) = lstm(sequences[1])  # the short sequence on its own, no padding
print(
    "padded, not packed: h_n[-1] of the short sequence is its own last state:",
    torch.allclose(h_n[-1, 1], alone_h_n[-1], atol=1e-6),
)
_, (packed_h_n, _) = lstm(pack_padded_sequence(padded, [5, 2]))
print(
    "packed:             h_n[-1] of the short sequence is its own last state:",
    torch.allclose(packed_h_n[-1, 1], alone_h_n[-1], atol=1e-6),
)
assert not torch.allclose(h_n[-1, 1], alone_h_n[-1], atol=1e-6)
assert torch.allclose(packed_h_n[-1, 1], alone_h_n[-1], atol=1e-6)
