import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_tags = 3, 5, 10, 20, 7

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
tag = nn.Linear(hidden_size, num_tags)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(batch, seq_len, input_size)
tags = torch.randint(0, num_tags, (batch, seq_len))  # one tag per step

output, (h_n, c_n) = lstm(x)
logits = tag(output)  # (batch, seq_len, num_tags)
try:
    loss_fn(logits, tags)  # CrossEntropyLoss wants the classes in dimension 1
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected target size [3, 7], got [3, 5]" in message

# Fix: classes in dimension 1, or one row per step. Both give the same loss.
loss = loss_fn(logits.transpose(1, 2), tags)  # (batch, num_tags, seq_len)
loss_flat = loss_fn(logits.reshape(-1, num_tags), tags.reshape(-1))  # (batch * seq_len, num_tags)
print("transpose(1, 2):", tuple(logits.transpose(1, 2).shape))
print("reshape(-1, num_tags):", tuple(logits.reshape(-1, num_tags).shape))
print("same loss:", torch.allclose(loss, loss_flat))
assert torch.allclose(loss, loss_flat)
