import torch
from torch import nn

torch.manual_seed(0)
num_layers, batch, hidden_size = 2, 3, 6
lstm = nn.LSTM(input_size=4, hidden_size=hidden_size, num_layers=num_layers)
x = torch.randn(5, batch, 4)

# A state built batch-first and transposed into place is not contiguous.
h_0 = torch.randn(batch, num_layers, hidden_size).transpose(0, 1)
c_0 = torch.randn(batch, num_layers, hidden_size).transpose(0, 1)
print("h_0:", tuple(h_0.shape), " contiguous:", h_0.is_contiguous())
assert h_0.shape == (num_layers, batch, hidden_size) and not h_0.is_contiguous()

output, _ = lstm(x, (h_0, c_0))  # the CPU accepts it
expected, _ = lstm(x, (h_0.contiguous(), c_0.contiguous()))
print("CPU runs it; equals the .contiguous() copy:", torch.equal(output, expected))
assert torch.equal(output, expected)
