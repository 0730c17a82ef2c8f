import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers = 5, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, input_size)  # unbatched

# Wrong: a 3-D state with a batch of 1, as for batched input.
h_0_3d = torch.zeros(num_layers, 1, hidden_size)
c_0_3d = torch.zeros(num_layers, 1, hidden_size)
try:
    lstm(x, (h_0_3d, c_0_3d))
except RuntimeError as error:
    print("RuntimeError:", error)
    assert "For unbatched 2-D input, hx and cx should also be 2-D" in str(error)
else:
    raise AssertionError("a 3-D h_0 was accepted with 2-D input")

# Right: (num_layers, hidden_size), with no batch dimension either.
h_0 = torch.zeros(num_layers, hidden_size)
c_0 = torch.zeros(num_layers, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == h_0.shape == (num_layers, hidden_size)

# The other way round fails too: a 2-D state with batched (3-D) input.
try:
    lstm(x.unsqueeze(1), (h_0, c_0))
except RuntimeError as error:
    print("RuntimeError:", error)
    assert "For batched 3-D input, hx and cx should also be 3-D" in str(error)
else:
    raise AssertionError("a 2-D h_0 was accepted with 3-D input")
