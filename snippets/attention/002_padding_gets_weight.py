import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, input_size), zero padded

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
score = nn.Linear(hidden_size, 1)
output, _ = lstm(x)
weights = torch.softmax(score(output).squeeze(-1), dim=1)  # no mask

mask = torch.arange(x.shape[1]) < lengths[:, None]  # (batch, seq_len), True on real steps
on_padding = (weights * ~mask).sum(dim=1)  # attention mass that lands on padded steps
for i, length in enumerate(lengths.tolist()):
    print(f"sequence {i} (length {length}): weight on padding {on_padding[i]:.2f}")
assert on_padding[0] == 0  # the longest sequence has no padding
assert (on_padding[1:] > 0.1).all()  # the others give padding a real share
