import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size, batch, seq_len, num_classes = 4, 6, 3, 5, 2

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
score = nn.Linear(hidden_size, 1)  # one score per step
head = nn.Linear(hidden_size, num_classes)

x = torch.randn(batch, seq_len, input_size)
output, (h_n, c_n) = lstm(x)  # output: (batch, seq_len, hidden_size)
scores = score(output).squeeze(-1)  # (batch, seq_len)
weights = torch.softmax(scores, dim=1)  # over the steps of each sequence
context = (weights.unsqueeze(-1) * output).sum(dim=1)  # weighted sum of the steps
logits = head(context)

print("output: ", tuple(output.shape))
print(
    "weights:",
    tuple(weights.shape),
    " each row sums to 1:",
    torch.allclose(weights.sum(1), torch.ones(batch)),
)
print("context:", tuple(context.shape), " logits:", tuple(logits.shape))
# The weighted sum is a batched matrix product: (batch, 1, seq_len) @ (batch, seq_len, hidden).
print(
    "equals torch.bmm:", torch.allclose(context, torch.bmm(weights.unsqueeze(1), output).squeeze(1))
)
assert weights.shape == (batch, seq_len) and context.shape == (batch, hidden_size)
assert torch.allclose(weights.sum(1), torch.ones(batch))
assert torch.allclose(context, torch.bmm(weights.unsqueeze(1), output).squeeze(1))
assert logits.shape == (batch, num_classes)
