import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
data = np.random.default_rng(0).normal(size=(seq_len, batch, input_size))  # NumPy: float64
x = torch.from_numpy(data)
print("x.dtype:", x.dtype, " weight dtype:", lstm.weight_ih_l0.dtype)
try:
    lstm(x)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "RNN input dtype (torch.float64) does not match weight dtype (torch.float32)" in message

# Fix: convert the data to float32 (the model stays float32).
output, (h_n, c_n) = lstm(x.float())
print("x.float():", x.float().dtype, "-> output:", tuple(output.shape), output.dtype)
assert output.dtype == torch.float32 and output.shape == (seq_len, batch, hidden_size)
