import warnings

import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 1

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)  # float32, like the weights

# Wrong: a state made from NumPy zeros, which are float64.
h_0 = torch.from_numpy(np.zeros((num_layers, batch, hidden_size)))
c_0 = torch.from_numpy(np.zeros((num_layers, batch, hidden_size)))
print("x:", x.dtype, " h_0:", h_0.dtype)
try:
    lstm(x, (h_0, c_0))
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "get_mkldnn_dtype: unsupported data type" in message

# The same mistake with oneDNN switched off (which makes torch warn about TF32: ignored here).
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    with torch.backends.mkldnn.flags(enabled=False):
        try:
            lstm(x, (h_0, c_0))
        except RuntimeError as error:
            message = f"{type(error).__name__}: {error}"
print(message)
assert "mat1 and mat2 must have the same dtype, but got Double and Float" in message

# With proj_size set (which oneDNN does not run) and only c_0 in float64: a third wording.
projected = nn.LSTM(input_size, hidden_size, num_layers, proj_size=4)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "LSTM with projections is not supported with oneDNN"
    try:
        projected(x, (torch.zeros(num_layers, batch, 4), c_0))
    except RuntimeError as error:
        message = f"{type(error).__name__}: {error}"
print(message)
assert "expected m1 and m2 to have the same dtype, but got: double != float" in message

# Fix: build the state in the input's dtype (torch.zeros is float32 by default).
output, (h_n, c_n) = lstm(x, (h_0.to(x.dtype), c_0.to(x.dtype)))
print("h_0.to(x.dtype):", h_0.to(x.dtype).dtype, "-> h_n:", tuple(h_n.shape), h_n.dtype)
assert h_n.dtype == torch.float32
