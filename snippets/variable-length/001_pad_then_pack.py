import torch
from torch import nn
from torch.nn.utils.rnn import (
    PackedSequence,
    pack_padded_sequence,
    pad_packed_sequence,
    pad_sequence,
)

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])  # three sequences, longest first
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]

# Padding: one tensor, shorter sequences filled with zeros after their end.
x = pad_sequence(sequences)  # (seq_len, batch, input_size), seq_len = longest length
print("padded x:", tuple(x.shape))

# Packing: the same data without the padding, plus how many sequences are still running per step.
packed = pack_padded_sequence(x, lengths)
print("packed data:", tuple(packed.data.shape), "= sum of lengths", int(lengths.sum()))
print("sequences running at each step:", packed.batch_sizes.tolist())

lstm = nn.LSTM(input_size, hidden_size)
packed_output, (h_n, c_n) = lstm(packed)
print("the LSTM returns a packed output:", isinstance(packed_output, PackedSequence))
output, output_lengths = pad_packed_sequence(packed_output)  # back to a padded tensor
print("output:", tuple(output.shape), "lengths:", output_lengths.tolist())
print("h_n:   ", tuple(h_n.shape), "c_n:", tuple(c_n.shape))

assert x.shape == (5, 3, input_size)
assert packed.data.shape == (int(lengths.sum()), input_size)
assert packed.batch_sizes.tolist() == [3, 3, 2, 1, 1]
assert isinstance(packed_output, PackedSequence)
assert output.shape == (5, 3, hidden_size) and torch.equal(output_lengths, lengths)
assert h_n.shape == c_n.shape == (1, 3, hidden_size)
