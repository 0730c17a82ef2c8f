import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
h_alone = torch.stack([lstm(s)[1][0][-1] for s in sequences])  # each sequence run alone

x = pad_sequence(sequences, batch_first=True, padding_side="left")  # zeros first
print("sequence 2, left-padded, step is zeros:", (x[2] == 0).all(dim=1).tolist())


def like_alone(h_top):
    return [torch.allclose(h_top[i], h_alone[i], atol=1e-6) for i in range(len(sequences))]


# Silent 1: packing keeps the first `length` steps: the zeros, not the end of the sequence.
_, (h_n, _) = lstm(pack_padded_sequence(x, lengths, batch_first=True))
print("packed as it is, h_n[-1] like the lone run:", like_alone(h_n[-1]))
assert like_alone(h_n[-1]) == [True, False, False]

# Silent 2: not packed, the last step is real, but the LSTM ran over the zeros first.
_, (h_n, _) = lstm(x)
print("not packed, h_n[-1] like the lone run:     ", like_alone(h_n[-1]))
assert like_alone(h_n[-1]) == [True, False, False]

# The fix: roll each sequence back by its padding, so its real steps come first, then pack.
seq_len = x.shape[1]
moved = torch.stack(
    [row.roll(length - seq_len, dims=0) for row, length in zip(x, lengths.tolist(), strict=True)]
)
print("sequence 2, moved, step is zeros:      ", (moved[2] == 0).all(dim=1).tolist())
_, (h_n, _) = lstm(pack_padded_sequence(moved, lengths, batch_first=True))
print("moved, then packed, h_n[-1] like the lone run:", like_alone(h_n[-1]))
assert all(like_alone(h_n[-1]))
