import torch
from torch import nn

torch.manual_seed(0)
batch, input_size, hidden_size = 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(batch, input_size)  # meant as 3 samples, one step each

# No error: 2-D input is ONE sequence of 3 steps, and the samples feed into each other.
output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape), "(no batch dimension)")
sample_1_alone, _ = lstm(x[1:2])  # sample 1 as a sequence of its own
independent = torch.allclose(output[1], sample_1_alone[0], atol=1e-6)
print("output[1] is sample 1 on its own:", independent)
assert output.shape == (batch, hidden_size) and h_n.shape == (1, hidden_size)
assert not independent

# Fix: a batch of sequences of length 1, (seq_len=1, batch, input_size).
output, (h_n, c_n) = lstm(x.unsqueeze(0))
print("x.unsqueeze(0):", tuple(x.unsqueeze(0).shape))
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
independent = torch.allclose(output[0, 1], sample_1_alone[0], atol=1e-6)
print("output[0, 1] is sample 1 on its own:", independent)
assert output.shape == (1, batch, hidden_size) and h_n.shape == (1, batch, hidden_size)
assert independent
