import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)  # the model stays on the CPU
x = torch.randn(seq_len, batch, input_size)
# No GPU where this page is built: the "meta" device stands for one, and fails the same check.
elsewhere = torch.device("meta")
try:
    lstm(x.to(elsewhere))  # the batch moved, the model did not
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

h_0 = torch.zeros(num_layers, batch, hidden_size, device=elsewhere)  # a state made elsewhere
try:
    lstm(x, (h_0, torch.zeros_like(h_0)))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "found input tensor at cpu and hidden tensor at meta" in message

# Fix: one device for the model, the batch and the state (device= where tensors are made).
h_0 = torch.zeros(num_layers, batch, hidden_size, device=x.device)
output, (h_n, c_n) = lstm(x, (h_0, torch.zeros_like(h_0)))
print("all on", x.device, "-> output:", output.device, tuple(output.shape))
assert output.device == x.device == lstm.weight_ih_l0.device
