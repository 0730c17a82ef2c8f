import warnings

import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6

lstm = nn.LSTM(input_size, hidden_size)
head = nn.Linear(hidden_size, 1)  # one number per sequence
x = torch.randn(seq_len, batch, input_size)
target = torch.randn(batch)  # (batch,), as a dataset of floats gives it

_, (h_n, c_n) = lstm(x)
prediction = head(h_n[-1])  # (batch, 1): the head keeps its size-1 dim
print("prediction", tuple(prediction.shape), "target", tuple(target.shape))

# Silent: nn.MSELoss warns, and the difference broadcasts.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = nn.MSELoss()(prediction, target)
print(f"{caught[0].category.__name__}: {caught[0].message}")
by_hand = (prediction - target) ** 2  # written out: no warning at all
print("(prediction - target) ** 2:", tuple(by_hand.shape))
own_pair = ((prediction.squeeze(-1) - target) ** 2).mean()
print("loss over every pair:", torch.allclose(loss, by_hand.mean()))
print("loss over each sequence's own pair:", torch.allclose(loss, own_pair))
assert torch.allclose(loss, by_hand.mean())
assert not torch.allclose(loss, own_pair)
# Its gradient pulls every prediction toward the batch's mean target.
(grad,) = torch.autograd.grad(loss, prediction)
to_mean = torch.allclose(grad, 2 * (prediction - target.mean()) / batch)
print("gradient pulls each prediction toward target.mean():", to_mean)
assert to_mean

# The check that catches it: equal shapes, not broadcastable ones.
assert prediction.squeeze(-1).shape == target.shape
loss = nn.MSELoss()(prediction.squeeze(-1), target)  # the fix
print("squeeze(-1), loss over each own pair:", torch.allclose(loss, own_pair))
assert torch.allclose(loss, own_pair)
