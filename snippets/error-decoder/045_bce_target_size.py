import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6

lstm = nn.LSTM(input_size, hidden_size)
head = nn.Linear(hidden_size, 1)
output, (h_n, c_n) = lstm(torch.randn(seq_len, batch, input_size))
logit = head(h_n[-1])  # (batch, 1)
target = torch.tensor([1.0, 0.0, 1.0])  # one label per sequence: (batch,)

for loss, prediction in [(nn.BCEWithLogitsLoss(), logit), (nn.BCELoss(), logit.sigmoid())]:
    try:
        loss(prediction, target)
    except ValueError as error:
        message = f"{type(error).__name__}: {error}"
    print(f"{type(loss).__name__}: {message}")
    assert message.startswith("ValueError: ")

# Fix: the same shape on both sides.
fixed = nn.BCEWithLogitsLoss()(logit.squeeze(1), target)
print("logit.squeeze(1):", tuple(logit.squeeze(1).shape), "-> loss", tuple(fixed.shape))
assert fixed.shape == ()
