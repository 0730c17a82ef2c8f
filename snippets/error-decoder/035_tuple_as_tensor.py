import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
try:
    print(lstm(x).shape)  # nn.LSTM returns a tuple, (output, (h_n, c_n))
except AttributeError as error:
    print(f"{type(error).__name__}: {error}")

output, h_n = lstm(x)  # the second item is the pair (h_n, c_n), not h_n
try:
    print(h_n.size())
except AttributeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert message == "AttributeError: 'tuple' object has no attribute 'size'"

# Silent: indexing the pair raises nothing, and h_n[-1] is c_n, every layer's cell state.
print("h_n[-1] is c_n:", h_n[-1] is h_n[1], tuple(h_n[-1].shape))

# Fix: unpack both levels; the top layer's final hidden state is then h_n[-1].
output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape), " h_n[-1]:", tuple(h_n[-1].shape))
assert h_n[-1].shape == (batch, hidden_size)
