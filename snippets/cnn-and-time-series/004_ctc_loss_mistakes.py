import torch
from torch import nn

torch.manual_seed(0)
T, batch, num_classes = 6, 2, 5
logits = torch.randn(T, batch, num_classes)  # a head's output over an LSTM's (T, batch, ...)
targets = torch.tensor([[1, 2, 2, 3], [4, 1, 0, 0]])
target_lengths = torch.tensor([4, 2])
input_lengths = torch.full((batch,), T)
ctc = nn.CTCLoss(blank=0)


def rows_sum_to_one(log_probs: torch.Tensor) -> bool:
    return torch.allclose(log_probs.exp().sum(dim=2), torch.ones(T, batch))


# 1. Batch-first log-probs (batch, T, classes): CTCLoss reads dim 1 as the batch.
try:
    ctc(logits.log_softmax(dim=2).transpose(0, 1), targets, input_lengths, target_lengths)
except RuntimeError as error:
    print(f"batch first: {type(error).__name__}: {error}")

# With a batch of 6 for T = 6 steps, the same mistake runs: steps and sequences swapped.
six = torch.randn(T, T, num_classes).log_softmax(dim=2)  # (T, batch=6, classes)
six_targets, six_lengths = targets.repeat(3, 1), target_lengths.repeat(3)
six_input_lengths = torch.full((T,), T)
right = ctc(six, six_targets, six_input_lengths, six_lengths)
swapped = ctc(six.transpose(0, 1), six_targets, six_input_lengths, six_lengths)
print(
    "batch first, batch == T: finite",
    bool(swapped.isfinite()),
    " same loss as time first:",
    bool(swapped == right),
)

# 2. input_lengths counted before the CNN downsampled the width (12 columns, T = 6 steps).
try:
    ctc(logits.log_softmax(dim=2), targets, torch.full((batch,), 12), target_lengths)
except RuntimeError as error:
    print(f"input_lengths too long: {type(error).__name__}: {error}")

# 3. Silent: log_softmax over the wrong dimension, or none at all. The loss is a number.
for name, log_probs in {
    "log_softmax(dim=0)": logits.log_softmax(dim=0),
    "no log_softmax": logits,
    "log_softmax(dim=2)": logits.log_softmax(dim=2),
}.items():
    loss = ctc(log_probs, targets, input_lengths, target_lengths)
    print(f"{name:19s} loss finite: {bool(loss.isfinite())}  rows sum to one:", end=" ")
    print(rows_sum_to_one(log_probs))

# 4. Silent: fewer steps than a target needs, its labels plus a blank between two equal labels
# in a row (here 4 steps for [1, 2, 2, 3], which needs 5): that sequence's loss is infinite,
# and zero_infinity=True turns it into 0, which hides it.
short, short_lengths = logits[:4].log_softmax(dim=2), torch.full((batch,), 4)
loss = nn.CTCLoss(reduction="none")(short, targets, short_lengths, target_lengths)
hidden = nn.CTCLoss(reduction="none", zero_infinity=True)(
    short, targets, short_lengths, target_lengths
)
print(
    "T=4, per sequence: infinite",
    loss.isinf().tolist(),
    " zero with zero_infinity:",
    (hidden == 0).tolist(),
)

assert rows_sum_to_one(logits.log_softmax(dim=2)) and not rows_sum_to_one(logits)
assert not rows_sum_to_one(logits.log_softmax(dim=0))
assert swapped.isfinite() and swapped != right
assert loss.isinf().tolist() == [True, False] == (hidden == 0).tolist()
