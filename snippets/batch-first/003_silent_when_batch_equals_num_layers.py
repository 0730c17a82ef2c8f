import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 2, 10, 20, 2  # batch == num_layers

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)
h_0_batch_first = torch.randn(batch, num_layers, hidden_size)  # h_0_batch_first[b, layer]
c_0_batch_first = torch.randn(batch, num_layers, hidden_size)

# Wrong layout, but (2, 2, 20) is also a valid (num_layers, batch, hidden_size): no error.
wrong_output, _ = lstm(x, (h_0_batch_first, c_0_batch_first))
right_output, _ = lstm(x, (h_0_batch_first.transpose(0, 1), c_0_batch_first.transpose(0, 1)))

same = torch.allclose(wrong_output, right_output, atol=1e-6)
print("wrong layout accepted, output:", tuple(wrong_output.shape))
print("same output as the right layout:", same)
assert wrong_output.shape == right_output.shape == (batch, seq_len, hidden_size)
assert not same
