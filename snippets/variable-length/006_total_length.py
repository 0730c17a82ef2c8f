import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 8, 3, 4, 6
# A batch padded to a fixed 8 steps, but its longest sequence has only 5.
lengths = torch.tensor([5, 3, 2])
x = torch.zeros(seq_len, batch, input_size)
for i, length in enumerate(lengths.tolist()):
    x[:length, i] = torch.randn(length, input_size)

lstm = nn.LSTM(input_size, hidden_size)
packed_output, _ = lstm(pack_padded_sequence(x, lengths))

output, _ = pad_packed_sequence(packed_output)
print("x:                       ", tuple(x.shape))
print("output:                  ", tuple(output.shape), "<- only as long as the longest")
restored, _ = pad_packed_sequence(packed_output, total_length=seq_len)
print("output with total_length:", tuple(restored.shape))

assert output.shape == (lengths.max(), batch, hidden_size)
assert restored.shape == (seq_len, batch, hidden_size)
assert torch.equal(restored[: lengths.max()], output) and bool(
    (restored[lengths.max() :] == 0).all()
)
