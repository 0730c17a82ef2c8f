import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers = 5, 10, 16, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)

# A state kept from a full batch of 32 ...
_, (h, c) = lstm(torch.randn(seq_len, 32, input_size))
print("state kept from the previous batch:", tuple(h.shape))

# ... fails on the last, smaller batch of the epoch.
x = torch.randn(seq_len, 20, input_size)
try:
    lstm(x, (h, c))
except RuntimeError as error:
    message = str(error)
print(message)
assert "Expected hidden[0] size (2, 20, 16), got [2, 32, 16]" in message

# Fix 1: keep the state of the first 20 sequences (batch is dimension 1 of the state). With 2
# layers the slice is not contiguous; .contiguous() copies it, as cuDNN requires on a GPU.
batch = x.size(1)
print("h[:, :batch] contiguous:", h[:, :batch].is_contiguous())
h_0, c_0 = h[:, :batch].contiguous(), c[:, :batch].contiguous()
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("sliced state:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == (num_layers, batch, hidden_size)
assert not h[:, :batch].is_contiguous() and h_0.is_contiguous()

# Fix 2: start this batch from zeros of its own size (or pass no state: the same thing).
h_0 = torch.zeros(num_layers, batch, hidden_size)
c_0 = torch.zeros(num_layers, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("fresh state: ", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == (num_layers, batch, hidden_size)
