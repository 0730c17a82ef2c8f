import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_tags = 3, 7, 10, 20, 7  # seq_len == num_tags

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
tag = nn.Linear(hidden_size, num_tags)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(batch, seq_len, input_size)
tags = torch.randint(0, num_tags, (batch, seq_len))

output, (h_n, c_n) = lstm(x)
logits = tag(output)  # (batch, seq_len, num_tags): classes last, not in dimension 1
wrong = loss_fn(logits, tags)  # seq_len == num_tags: no error, steps read as classes
right = loss_fn(logits.transpose(1, 2), tags)
print("no error, and the same loss as the right layout:", torch.allclose(wrong, right))
assert not torch.allclose(wrong, right)

# A check that catches it whatever the sizes: the class dimension of the logits.
print("logits.size(1) == num_tags:", logits.size(1) == num_tags, "(true by chance here)")
print("logits.size(-1) == num_tags, so transpose(1, 2):", logits.size(-1) == num_tags)
