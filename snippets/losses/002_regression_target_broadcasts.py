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
prediction = head(h_n[-1])  # (batch, 1): the head keeps a dimension of size 1
print("prediction:", tuple(prediction.shape), " target:", tuple(target.shape))

# Silent: nn.MSELoss only warns; the difference broadcasts to (batch, batch).
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = nn.MSELoss()(prediction, target)
print(f"{caught[0].category.__name__}: {caught[0].message}")
by_hand = (prediction - target) ** 2  # written out: no warning at all
print("(prediction - target) ** 2:", tuple(by_hand.shape))
own_pair = ((prediction.squeeze(-1) - target) ** 2).mean()
print("loss is over every pair:", torch.allclose(loss, by_hand.mean()))
print("loss is over each sequence's own pair:", torch.allclose(loss, own_pair))
assert torch.allclose(loss, by_hand.mean()) and not torch.allclose(loss, own_pair)
# Its gradient pulls every prediction toward the batch's mean target, whatever its sequence.
(grad,) = torch.autograd.grad(loss, prediction)
toward_mean = torch.allclose(grad, 2 * (prediction - target.mean()) / batch)
print("gradient pulls each prediction toward target.mean():", toward_mean)
assert toward_mean

# The check that catches it, before the loss: the shapes must be equal, not broadcastable.
assert prediction.squeeze(-1).shape == target.shape
loss = nn.MSELoss()(prediction.squeeze(-1), target)  # the fix: (batch,) against (batch,)
print("squeeze(-1): loss over each sequence's own pair:", torch.allclose(loss, own_pair))
assert torch.allclose(loss, own_pair)

# The other elementwise losses: the same warning, or a refusal.
for loss_class in (nn.L1Loss, nn.HuberLoss, nn.SmoothL1Loss, nn.BCEWithLogitsLoss):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loss_class()(prediction, target)
            said = "runs, " + (caught[0].category.__name__ if caught else "no warning")
        except ValueError as error:
            said = f"{type(error).__name__}: {error}"
    print(f"{loss_class.__name__}: {said}")
    assert said == "runs, UserWarning" or said.startswith("ValueError: Target size")

# Per step: (batch, seq_len, 1) against (batch, seq_len) warns, then fails to broadcast.
output, _ = lstm(x)
step_prediction = head(output.transpose(0, 1))  # (batch, seq_len, 1)
step_target = torch.randn(batch, seq_len)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        nn.MSELoss()(step_prediction, step_target)
    except RuntimeError as error:
        message = f"{type(error).__name__}: {error}"
print(f"{caught[0].category.__name__}: {caught[0].message}")
print(message)
assert "must match the size of tensor b (3) at non-singleton dimension 1" in message
loss = nn.MSELoss()(step_prediction.squeeze(-1), step_target)
print("squeeze(-1):", tuple(step_prediction.squeeze(-1).shape), "loss shape:", tuple(loss.shape))
