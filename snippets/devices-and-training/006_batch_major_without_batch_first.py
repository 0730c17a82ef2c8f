import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 5, 4, 6
x = torch.randn(batch, seq_len, input_size)  # batch first, as a DataLoader stacks

# The silent version: the module was built with the default batch_first=False.
lstm = nn.LSTM(input_size, hidden_size)
output, (h_n, c_n) = lstm(x)  # no error: it reads 3 steps of a batch of 5
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
print("h_n has one row per sequence:", h_n.shape[1] == batch)
assert output.shape == (batch, seq_len, hidden_size) and h_n.shape[1] == seq_len

# The check that catches it: the state's batch dimension is the number of sequences.
try:
    assert h_n.shape[1] == batch, f"h_n is {tuple(h_n.shape)}: is batch_first set?"
except AssertionError as error:
    print("check:", error)

# The fix: say how x is laid out.
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
output, (h_n, c_n) = lstm(x)
print("batch_first=True -> output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert output.shape == (batch, seq_len, hidden_size) and h_n.shape[1] == batch
