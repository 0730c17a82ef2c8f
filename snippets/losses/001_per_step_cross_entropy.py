import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_tags = 5, 3, 4, 6, 7

lstm = nn.LSTM(input_size, hidden_size)  # batch_first=False: output is (seq_len, batch, H)
head = nn.Linear(hidden_size, num_tags)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(seq_len, batch, input_size)
tags = torch.randint(0, num_tags, (batch, seq_len))  # one tag per step, batch first

output, _ = lstm(x)
logits = head(output)  # (seq_len, batch, num_tags)
# The reference: each step of each sequence scored against its own tag, one at a time.
right = torch.stack(
    [loss_fn(logits[t, b], tags[b, t]) for b in range(batch) for t in range(seq_len)]
)
right = right.mean()

# Silent 1: flatten logits (time-major) and tags (batch-first): rows meet the wrong tags.
silent_flat = loss_fn(logits.reshape(-1, num_tags), tags.reshape(-1))
# Silent 2: view instead of permute: the numbers are reshuffled, not moved.
silent_view = loss_fn(logits.view(batch, num_tags, seq_len), tags)
print("flatten, layouts differ, is the right loss:", torch.allclose(silent_flat, right))
print("view(batch, C, seq_len) is the right loss: ", torch.allclose(silent_view, right))
assert not torch.allclose(silent_flat, right) and not torch.allclose(silent_view, right)

# Unflattened, the loss refuses the layout:
try:
    loss_fn(logits, tags)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected input batch_size (5) to match target batch_size (3)" in message

# The check that catches both silent cases: steps and sequences where the tags have them.
by_sequence = logits.transpose(0, 1)  # (batch, seq_len, num_tags)
assert by_sequence.shape[:2] == tags.shape

# The fixes: one row per step, or the classes in dimension 1.
flat = loss_fn(by_sequence.reshape(-1, num_tags), tags.reshape(-1))  # (batch * seq_len, C)
class_dim_one = loss_fn(by_sequence.permute(0, 2, 1), tags)  # (batch, C, seq_len)
print(
    "one row per step:",
    tuple(by_sequence.reshape(-1, num_tags).shape),
    "right:",
    torch.allclose(flat, right),
)
print(
    "classes in dim 1:",
    tuple(by_sequence.permute(0, 2, 1).shape),
    "right:",
    torch.allclose(class_dim_one, right),
)
assert torch.allclose(flat, right) and torch.allclose(class_dim_one, right)
