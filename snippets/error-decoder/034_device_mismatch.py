import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

# No GPU where this page is built: the "meta" device stands for one, and fails the same check.
device = torch.device("meta")
lstm = nn.LSTM(input_size, hidden_size, num_layers).to(device)  # the model moved
x = torch.randn(seq_len, batch, input_size)  # the batch left on the CPU
try:
    lstm(x)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

x = x.to(device)  # the batch moved too, but the state is made on the CPU
h_0 = torch.zeros(num_layers, batch, hidden_size)
try:
    lstm(x, (h_0, torch.zeros_like(h_0)))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "found input tensor at meta and hidden tensor at cpu" in message

# Fix: one device for the model, the batch and the state (device= where tensors are made).
h_0 = torch.zeros(num_layers, batch, hidden_size, device=x.device)
output, (h_n, c_n) = lstm(x, (h_0, torch.zeros_like(h_0)))
print("all on", x.device, "-> output:", output.device, tuple(output.shape))
assert output.device == device
