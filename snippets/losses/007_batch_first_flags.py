import inspect

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(n, input_size) for n in lengths.tolist()]
batch = len(sequences)
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)

# Four flags, each with its own default; none reads the others.
for function in (pad_sequence, pack_padded_sequence, pad_packed_sequence):
    default = inspect.signature(function).parameters["batch_first"].default
    print(f"{function.__name__}(batch_first={default})")
print(f"nn.LSTM(batch_first={nn.LSTM(input_size, hidden_size).batch_first})")

# Silent: pad_sequence's default layout into a batch_first LSTM.
x = pad_sequence(sequences)  # (seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)
print("pad_sequence() into batch_first LSTM: h_n", tuple(h_n.shape))
assert h_n.shape[1] != batch  # the check that catches it: h_n.shape[1] == batch

# pack_padded_sequence without batch_first=True on a batch-first tensor:
x = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, input_size)
try:
    pack_padded_sequence(x, lengths)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "to be equal to batch_size, but got 3 (batch_size=5)" in message
packed = pack_padded_sequence(x, lengths, enforce_sorted=False)  # no error
try:
    lstm(packed)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "exceeds dimension size" in message
# 3 sequences of lengths 3, 2, 2: batch == seq_len and no length above it. It runs, with
# either enforce_sorted.
short = [torch.randn(n, input_size) for n in (3, 2, 2)]
y, y_lengths = pad_sequence(short, batch_first=True), torch.tensor([3, 2, 2])
_, (h_right, _) = lstm(pack_padded_sequence(y, y_lengths, batch_first=True))
for enforce_sorted in (True, False):
    wrong = pack_padded_sequence(y, y_lengths, enforce_sorted=enforce_sorted)
    _, (h_wrong, _) = lstm(wrong)
    right = torch.equal(h_wrong, h_right)
    print(f"lengths 3, 2, 2, enforce_sorted={enforce_sorted}: runs; h_n right: {right}")
    assert not right

# Packed input: the LSTM's own flag plays no part.
packed = pack_padded_sequence(x, lengths, batch_first=True)
packed_output, (h_n, c_n) = lstm(packed)
time_major = nn.LSTM(input_size, hidden_size)
time_major.load_state_dict(lstm.state_dict())
same = torch.equal(h_n, time_major(packed)[1][0])
print("packed: h_n equal with LSTM batch_first True and False:", same)
assert same

# pad_packed_sequence does not know the LSTM's flag: give it again.
time_first, _ = pad_packed_sequence(packed_output)
output, _ = pad_packed_sequence(packed_output, batch_first=True)
print("pad_packed_sequence(output):                  ", tuple(time_first.shape))
print("pad_packed_sequence(output, batch_first=True):", tuple(output.shape))
assert output.shape[0] == batch
