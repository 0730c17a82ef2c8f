import warnings

import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    lstm = nn.LSTM(input_size, hidden_size, num_layers=1, dropout=0.5)
message = str(caught[0].message)
print(caught[0].category.__name__ + ":", message)

# With a single layer there is no "between layers": dropout never happens, even in train mode.
x = torch.randn(seq_len, batch, input_size)
lstm.train()
first, _ = lstm(x)
second, _ = lstm(x)
print("two calls in train mode are equal:", torch.equal(first, second))
assert "non-zero dropout expects num_layers greater than 1" in message
assert torch.equal(first, second)
