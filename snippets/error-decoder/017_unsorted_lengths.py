import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6

lstm = nn.LSTM(input_size, hidden_size)
lengths = torch.tensor([2, 5, 3])  # not longest first
x = pad_sequence([torch.randn(length, input_size) for length in lengths.tolist()])
try:
    pack_padded_sequence(x, lengths)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "must be sorted in decreasing order when `enforce_sorted` is True" in message

# Fix: enforce_sorted=False. The LSTM un-sorts h_n, so h_n[:, i] is still sequence i.
packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
output, (h_n, c_n) = lstm(packed)
_, (h_alone, _) = lstm(x[:2, 0:1])  # sequence 0 alone: its 2 real steps
same = torch.allclose(h_n[:, 0], h_alone[:, 0], atol=1e-6)
print("h_n:", tuple(h_n.shape), " h_n[:, 0] is sequence 0:", same)
assert same
