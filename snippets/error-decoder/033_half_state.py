import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)  # float32
h_0 = torch.zeros(num_layers, batch, hidden_size, dtype=torch.bfloat16)  # another dtype
c_0 = torch.zeros(num_layers, batch, hidden_size, dtype=torch.bfloat16)
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "could not create a primitive descriptor for the LSTM forward" in message

# Without oneDNN (or with proj_size set, or on packed input whose lengths differ, neither of
# which oneDNN runs), torch's own check answers.
torch.backends.mkldnn.enabled = False
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
torch.backends.mkldnn.enabled = True
print(message)
assert "mat1 and mat2 must have the same dtype, but got BFloat16 and Float" in message

# Fix: build the state in the input's dtype (and on its device).
h_0 = torch.zeros(num_layers, batch, hidden_size, dtype=x.dtype, device=x.device)
c_0 = torch.zeros_like(h_0)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("state in x.dtype:", h_0.dtype, "-> h_n:", tuple(h_n.shape), h_n.dtype)
assert h_n.dtype == torch.float32
