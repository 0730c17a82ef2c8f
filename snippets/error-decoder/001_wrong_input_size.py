import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 5, 10, 20

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
# Features in the middle, as a Conv1d returns them: (batch, input_size, seq_len).
x = torch.randn(batch, input_size, seq_len)
try:
    lstm(x)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "input.size(-1) must be equal to input_size. Expected 10, got 5" in message

# Fix: the features must be the LAST dimension, (batch, seq_len, input_size).
x = x.transpose(1, 2)
output, (h_n, c_n) = lstm(x)
print("x:", tuple(x.shape), "-> output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert output.shape == (batch, seq_len, hidden_size)
