import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size, num_tags = 4, 6, 7

lstm = nn.LSTM(input_size, hidden_size)
tag = nn.Linear(hidden_size, num_tags)
lengths = torch.tensor([5, 3, 2])
x = pad_sequence([torch.randn(length, input_size) for length in lengths.tolist()])
output, (h_n, c_n) = lstm(pack_padded_sequence(x, lengths))
try:
    tag(output)
except TypeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "must be Tensor, not PackedSequence" in message

# Fix: unpack output to a padded tensor first (or use h_n, which is a plain tensor).
padded, output_lengths = pad_packed_sequence(output)
print("padded output:", tuple(padded.shape), "-> tags:", tuple(tag(padded).shape))
print("h_n[-1]:", tuple(h_n[-1].shape), "-> tags:", tuple(tag(h_n[-1]).shape))
assert tag(padded).shape == (5, 3, num_tags)
