import copy

import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2)
x = torch.randn(5, 3, 4)

# The same LSTM in float64: a different order and precision of the arithmetic.
output, _ = lstm(x)
output64, _ = copy.deepcopy(lstm).double()(x.double())
print("float32 vs float64, equal:", torch.equal(output.double(), output64))
print(
    "float32 vs float64, allclose(atol=1e-5):", torch.allclose(output.double(), output64, atol=1e-5)
)
assert not torch.equal(output.double(), output64)
assert torch.allclose(output.double(), output64, atol=1e-5)

# The precision cuDNN's RNN kernels may use for float32 on a GPU, as this build reads it.
print("torch.backends.cudnn.rnn.fp32_precision:", torch.backends.cudnn.rnn.fp32_precision)
print("torch.backends.cudnn.allow_tf32:", torch.backends.cudnn.allow_tf32)
assert torch.backends.cudnn.rnn.fp32_precision == "tf32" and torch.backends.cudnn.allow_tf32

# "ieee" asks for full float32; set it for a block, then restore the default.
torch.backends.cudnn.rnn.fp32_precision = "ieee"
print("set to:", torch.backends.cudnn.rnn.fp32_precision)
assert torch.backends.cudnn.rnn.fp32_precision == "ieee"
torch.backends.cudnn.rnn.fp32_precision = "tf32"
