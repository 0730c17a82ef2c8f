import textwrap
import warnings

import torch
from torch import nn

torch.manual_seed(0)
length, window, hidden_size = 20, 5, 8
series = torch.sin(torch.arange(length) * 0.5) + 0.1 * torch.randn(length)  # (length,)

# Every run of window + 1 consecutive values, one step apart: the last one is the target.
chunks = series.unfold(0, window + 1, 1)  # (length - window, window + 1)
print("series:", tuple(series.shape), "-> unfold(0, window + 1, 1):", tuple(chunks.shape))
assert all(torch.equal(chunks[i], series[i : i + window + 1]) for i in range(len(chunks)))
x = chunks[:, :-1].unsqueeze(-1)  # (batch, window, input_size=1): batch_first layout

lstm = nn.LSTM(input_size=1, hidden_size=hidden_size, batch_first=True)
head = nn.Linear(hidden_size, 1)
output, (h_n, c_n) = lstm(x)

# Many-to-one: one prediction per window, from the last step; the target is the next value.
prediction = head(h_n[-1])  # (batch, 1)
target = chunks[:, -1:]  # (batch, 1): slice with -1:, not -1, to keep the dimension
print("many-to-one:  prediction", tuple(prediction.shape), " target", tuple(target.shape))

# Many-to-many: a prediction at every step; step t's target is the value at t + 1.
predictions = head(output)  # (batch, window, 1)
targets = chunks[:, 1:].unsqueeze(-1)  # (batch, window, 1)
print("many-to-many: prediction", tuple(predictions.shape), " target", tuple(targets.shape))
print("h_n[-1] is output's last step, output[:, -1]:", torch.equal(h_n[-1], output[:, -1]))

# The silent mistake: a (batch,) target against a (batch, 1) prediction: (batch, batch) pairs.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = nn.MSELoss()(prediction, chunks[:, -1])
print("target chunks[:, -1]:", tuple(chunks[:, -1].shape), "-> the loss compares all pairs,")
print("  prediction - target:", tuple((prediction - chunks[:, -1]).shape), "with a warning:")
warning = f"{caught[0].category.__name__}: {caught[0].message}"
print(textwrap.fill(warning, 80, initial_indent="  ", subsequent_indent="  "))

# A series of several features, (length, features): unfold puts the window's steps LAST.
multivariate = torch.randn(length, 3)
windows = multivariate.unfold(0, window, 1)  # (length - window + 1, features, window)
print("(length, 3).unfold(0, window, 1):", tuple(windows.shape), "= (batch, features, window)")
print("transpose(1, 2):", tuple(windows.transpose(1, 2).shape), "= (batch, window, features)")

assert prediction.shape == target.shape and predictions.shape == targets.shape
assert torch.equal(h_n[-1], output[:, -1]) and len(caught) == 1
assert torch.equal(windows.transpose(1, 2)[0], multivariate[:window])
