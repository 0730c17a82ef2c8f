import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 7, 1, 20  # one number per step

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
x = torch.randn(batch, seq_len)  # meant as 3 sequences of 7 numbers

# 2-D input is one unbatched sequence: (seq_len=3, input_size=7), so 7 features, not 1.
try:
    lstm(x)
except RuntimeError as error:
    print("RuntimeError:", error)
    assert "Expected 1, got 7" in str(error)
else:
    raise AssertionError("(batch, seq_len) was accepted as input")

# Fix: add the feature dimension, (batch, seq_len, 1).
output, (h_n, c_n) = lstm(x.unsqueeze(-1))
print("x.unsqueeze(-1):", tuple(x.unsqueeze(-1).shape))
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert output.shape == (batch, seq_len, hidden_size)
assert h_n.shape == (1, batch, hidden_size)
