import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 5, 10, 8

lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=True)
x = torch.randn(batch, seq_len, input_size)
output, (h_n, c_n) = lstm(x)  # output: (batch, seq_len, 2 * hidden_size)
query = h_n[-1]  # (batch, hidden_size): one direction only, and 2-D


def caught(call):
    try:
        call()
    except RuntimeError as error:
        return f"{type(error).__name__}: {error}"
    raise AssertionError("no error")


print(caught(lambda: torch.bmm(output, query)))  # bmm wants 3-D tensors
message = caught(lambda: torch.bmm(output, query.unsqueeze(2)))  # 3-D, but 8 features, not 16
print(message)
assert "Expected size for first two dimensions of batch2 tensor to be: [3, 16]" in message

# Fix: a query with both directions' features, (batch, 2 * hidden_size, 1).
query = torch.cat([h_n[-2], h_n[-1]], dim=1).unsqueeze(2)
scores = torch.bmm(output, query).squeeze(2)  # (batch, seq_len)
print("scores:", tuple(scores.shape))

# A padding mask must have the scores' shape; one built as (seq_len, batch) does not.
lengths = torch.tensor([5, 3, 2])
mask_seq_first = torch.arange(seq_len).unsqueeze(1) < lengths  # (seq_len, batch)
print(caught(lambda: scores.masked_fill(~mask_seq_first, float("-inf"))))
mask = torch.arange(seq_len) < lengths.unsqueeze(1)  # (batch, seq_len)
weights = scores.masked_fill(~mask, float("-inf")).softmax(dim=1)
context = torch.bmm(weights.unsqueeze(1), output).squeeze(1)  # (batch, 2 * hidden_size)
print("mask:", tuple(mask.shape), " weights:", tuple(weights.shape))
print("context:", tuple(context.shape))
print("padded steps get weight 0:", bool((weights[~mask] == 0).all()))
assert context.shape == (batch, 2 * hidden_size)
