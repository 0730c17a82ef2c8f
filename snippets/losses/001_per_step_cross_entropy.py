import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_tags = 5, 3, 4, 6, 7

lstm = nn.LSTM(input_size, hidden_size)  # output: (seq_len, batch, H)
head = nn.Linear(hidden_size, num_tags)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(seq_len, batch, input_size)
tags = torch.randint(0, num_tags, (batch, seq_len))  # batch first

output, _ = lstm(x)
logits = head(output)  # (seq_len, batch, num_tags)
# The reference: each step of each sequence against its own tag.
pairs = [(b, t) for b in range(batch) for t in range(seq_len)]
right = torch.stack([loss_fn(logits[t, b], tags[b, t]) for b, t in pairs]).mean()

# Silent 1: time-major logits flattened against batch-first tags.
flat_wrong = loss_fn(logits.reshape(-1, num_tags), tags.reshape(-1))
# Silent 2: view instead of permute reshuffles the numbers.
view_wrong = loss_fn(logits.view(batch, num_tags, seq_len), tags)
print("flattened as it is, right loss:", torch.allclose(flat_wrong, right))
print("view(batch, C, seq_len), right loss:", torch.allclose(view_wrong, right))
assert not torch.allclose(flat_wrong, right)
assert not torch.allclose(view_wrong, right)

# Not flattened, the loss refuses the layout:
try:
    loss_fn(logits, tags)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected input batch_size (5) to match target batch_size (3)" in message

# The check that catches both: steps and sequences laid out as the tags.
by_sequence = logits.transpose(0, 1)  # (batch, seq_len, num_tags)
assert by_sequence.shape[:2] == tags.shape

# The fixes: one row per step, or the classes in dimension 1.
rows = by_sequence.reshape(-1, num_tags)  # (batch * seq_len, num_tags)
class_dim_one = by_sequence.permute(0, 2, 1)  # (batch, num_tags, seq_len)
flat = loss_fn(rows, tags.reshape(-1))
permuted = loss_fn(class_dim_one, tags)
print("rows", tuple(rows.shape), "right:", torch.allclose(flat, right))
print("dim 1", tuple(class_dim_one.shape), "right:", torch.allclose(permuted, right))
assert torch.allclose(flat, right) and torch.allclose(permuted, right)
