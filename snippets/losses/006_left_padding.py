import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence as pack
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(n, input_size) for n in lengths.tolist()]
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
h_alone = [lstm(s)[1][0][-1] for s in sequences]  # each sequence run alone


def like_alone(h_top):
    pairs = zip(h_top, h_alone, strict=True)
    return [torch.allclose(h, a, atol=1e-6) for h, a in pairs]


x = pad_sequence(sequences, batch_first=True, padding_side="left")
print("sequence 2, left-padded, zero steps:", (x[2] == 0).all(dim=1).tolist())

# Silent 1: packing keeps the first `length` steps: zeros, and not the end.
_, (h_n, _) = lstm(pack(x, lengths, batch_first=True))
print("packed as it is, h_n[-1] like the lone run:", like_alone(h_n[-1]))
assert like_alone(h_n[-1]) == [True, False, False]

# Silent 2: not packed, the last step is real, but the zeros ran first.
_, (h_n, _) = lstm(x)
print("not packed, h_n[-1] like the lone run:     ", like_alone(h_n[-1]))
assert like_alone(h_n[-1]) == [True, False, False]

# The fix: roll each sequence back by its padding, then pack.
seq_len = x.shape[1]
shifts = (lengths - seq_len).tolist()
moved = torch.stack([row.roll(s, dims=0) for row, s in zip(x, shifts, strict=True)])
print("sequence 2, moved, zero steps:      ", (moved[2] == 0).all(dim=1).tolist())
_, (h_n, _) = lstm(pack(moved, lengths, batch_first=True))
print("moved, then packed, like the lone run:     ", like_alone(h_n[-1]))
assert all(like_alone(h_n[-1]))
