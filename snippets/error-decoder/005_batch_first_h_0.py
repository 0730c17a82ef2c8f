import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_layers = 3, 5, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)

# Wrong: a state laid out batch first, like x.
h_0 = torch.randn(batch, num_layers, hidden_size)
c_0 = torch.randn(batch, num_layers, hidden_size)
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected hidden[0] size (2, 3, 20), got [3, 2, 20]" in message

# Fix: states are (num_layers, batch, hidden_size) whatever batch_first says. transpose(0, 1)
# alone gives a view that is not contiguous here (2 layers), which cuDNN refuses on a GPU.
print("h_0.transpose(0, 1) contiguous:", h_0.transpose(0, 1).is_contiguous())
h_0, c_0 = h_0.transpose(0, 1).contiguous(), c_0.transpose(0, 1).contiguous()
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == h_0.shape and h_0.is_contiguous()
