import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size = 10, 20

try:
    nn.LSTM(input_size, hidden_size, proj_size=hidden_size)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "proj_size has to be smaller than hidden_size" in message

# Fix: a projection must shrink the hidden state; proj_size=0 (the default) means none.
lstm = nn.LSTM(input_size, hidden_size, proj_size=hidden_size // 2)
print("proj_size=10 accepted:", lstm.proj_size == 10)
assert lstm.proj_size == 10
