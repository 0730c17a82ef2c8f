import warnings

import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6

lstm = nn.LSTM(input_size, hidden_size)
head = nn.Linear(hidden_size, 1)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Many-to-one, (batch, 1) against (batch,): the other elementwise losses.
prediction, target = head(h_n[-1]), torch.randn(batch)
losses = (nn.L1Loss, nn.HuberLoss, nn.SmoothL1Loss, nn.BCEWithLogitsLoss)
for loss_class in losses:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loss_class()(prediction, target)
            said = "runs, " + caught[0].category.__name__
        except ValueError as error:
            said = f"{type(error).__name__}: {error}"
    print(f"{loss_class.__name__}: {said}")
    assert said == "runs, UserWarning" or said.startswith("ValueError: Target")

# Many-to-many, (batch, seq_len, 1) against (batch, seq_len).
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
assert "tensor b (3) at non-singleton dimension 1" in message

squeezed = step_prediction.squeeze(-1)  # the fix: (batch, seq_len)
loss = nn.MSELoss()(squeezed, step_target)
print("squeeze(-1):", tuple(squeezed.shape), "-> loss", tuple(loss.shape))

# With batch 1, or batch == seq_len, the same mistake broadcasts: only the warning.
for rows in (1, seq_len):
    step_prediction, step_target = torch.randn(rows, seq_len, 1), torch.randn(rows, seq_len)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = nn.MSELoss()(step_prediction, step_target)
    right = torch.allclose(loss, nn.MSELoss()(step_prediction.squeeze(-1), step_target))
    shape = tuple((step_prediction - step_target).shape)
    warned = caught[0].category.__name__
    print(f"batch {rows}, seq_len {seq_len}: runs, {warned}, {shape}; loss right: {right}")
    assert not right
