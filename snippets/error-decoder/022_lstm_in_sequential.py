import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_classes = 5, 3, 10, 20, 4
x = torch.randn(seq_len, batch, input_size)

model = nn.Sequential(nn.LSTM(input_size, hidden_size), nn.Linear(hidden_size, num_classes))
try:
    model(x)  # Linear receives the LSTM's whole return value, (output, (h_n, c_n))
except TypeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "linear(): argument 'input' (position 1) must be Tensor, not tuple" in message

# Fix: unpack, then pick the tensor the next layer needs (in a Module, in its forward).
lstm, linear = model
output, (h_n, c_n) = lstm(x)
logits = linear(h_n[-1])
print("h_n[-1]:", tuple(h_n[-1].shape), "-> logits:", tuple(logits.shape))
assert logits.shape == (batch, num_classes)
