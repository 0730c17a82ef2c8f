import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size, num_layers = 4, 6, 1

lstm = nn.LSTM(input_size, hidden_size, num_layers)
_, (h, c) = lstm(torch.randn(5, 3, input_size))  # state kept from a batch of 3
lengths = torch.tensor([5, 2])  # the next batch: 2 sequences, packed
x = pad_sequence([torch.randn(length, input_size) for length in lengths.tolist()])
try:
    lstm(pack_padded_sequence(x, lengths), (h, c))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "The size of tensor a (3) must match the size of tensor b (2)" in message

# Silent instead: with enforce_sorted=False, a state with MORE rows than the batch is accepted.
packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
_, (h_n, c_n) = lstm(packed, (h, c))
print("enforce_sorted=False, state of 3 on a batch of 2, no error -> h_n:", tuple(h_n.shape))
assert h_n.shape == (num_layers, 2, hidden_size)

# Fix: a state with exactly one row per sequence of THIS batch (here, start from zeros).
batch = len(lengths)
h_0 = torch.zeros(num_layers, batch, hidden_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
_, (h_n, c_n) = lstm(pack_padded_sequence(x, lengths), (h_0, c_0))
print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == h_0.shape
