import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers = 5, 10, 16, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
_, (h, c) = lstm(torch.randn(seq_len, 32, input_size))  # state kept from a batch of 32
x = torch.randn(seq_len, 20, input_size)  # the last batch of the epoch has 20 sequences
try:
    lstm(x, (h, c))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected hidden[0] size (2, 20, 16), got [2, 32, 16]" in message

# Fix: size the state from the batch at hand (batch is dimension 1 of x and of the state).
batch = x.size(1)
print("h[:, :batch] contiguous:", h[:, :batch].is_contiguous())  # 2 layers: no
h_0, c_0 = h[:, :batch].contiguous(), c[:, :batch].contiguous()  # as cuDNN requires on a GPU
output, (h_n, c_n) = lstm(x, (h_0, c_0))  # keep the first 20 rows ...
print("h[:, :batch].contiguous():", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
output, (h_n, c_n) = lstm(x)  # ... or start from zeros of the right size
print("no state:                  -> h_n:", tuple(h_n.shape))
assert h_n.shape == (num_layers, batch, hidden_size)
