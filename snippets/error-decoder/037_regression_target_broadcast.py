import warnings

import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 4, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
head = nn.Linear(hidden_size, 1)
x = torch.randn(seq_len, batch, input_size)
target = torch.randn(batch)  # one number per sequence: (batch,)

output, (h_n, c_n) = lstm(x)
prediction = head(h_n[-1])  # (batch, 1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = nn.MSELoss()(prediction, target)  # (batch, 1) against (batch,): (batch, batch)
print(f"{caught[0].category.__name__}: {caught[0].message}")
assert "that is different to the input size" in str(caught[0].message)
broadcast = (prediction - target).shape
print("what the loss averaged:", tuple(broadcast), "differences, not", batch)
assert broadcast == (batch, batch)

# Fix: the same shape on both sides.
right = nn.MSELoss()(prediction.squeeze(1), target)
print("squeeze(1):", tuple(prediction.squeeze(1).shape), " same loss:", torch.allclose(loss, right))
assert not torch.allclose(loss, right)
