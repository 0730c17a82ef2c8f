import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size, batch = 4, 6, 3
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences)

lstm = nn.LSTM(input_size, hidden_size)
packed_output, (h_n, c_n) = lstm(pack_padded_sequence(x, lengths))
output, _ = pad_packed_sequence(packed_output)  # (seq_len, batch, hidden_size)

# Advanced indexing: step lengths[i] - 1 of sequence i.
last = output[lengths - 1, torch.arange(batch)]  # (batch, hidden_size)
print("output[lengths - 1, arange(batch)]:", tuple(last.shape))
print("equals h_n[-1]:", torch.equal(last, h_n[-1]))
assert torch.equal(last, h_n[-1])

# The same with gather: an index of shape (1, batch, hidden_size) along dim 0.
index = (lengths - 1).view(1, batch, 1).expand(1, batch, hidden_size)
gathered = output.gather(0, index).squeeze(0)
print("gather gives the same:", torch.equal(gathered, h_n[-1]))
assert torch.equal(gathered, h_n[-1])

# Forward-only LSTM: a step does not depend on the padding that comes after it, so every
# valid step of an unpacked run of the padded batch is the same as in the packed run.
unpacked_output, _ = lstm(x)
valid = torch.arange(len(x)).unsqueeze(1) < lengths  # (seq_len, batch), True on real steps
same_valid = torch.allclose(unpacked_output[valid], output[valid], atol=1e-6)
print("unpacked run, valid steps within 1e-6 of the packed run:", same_valid)
from_unpacked = unpacked_output[lengths - 1, torch.arange(batch)]
same_last = torch.allclose(from_unpacked, h_n[-1], atol=1e-6)
print("unpacked run, gathered last valid steps within 1e-6 of h_n[-1]:", same_last)
assert same_valid and same_last
