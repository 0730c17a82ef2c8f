import torch
from torch import nn

torch.manual_seed(0)
batch, src_len, key_size, query_size, attention_size = 3, 5, 12, 8, 7
keys = torch.randn(batch, src_len, key_size)  # encoder output, batch_first
query = torch.randn(batch, query_size)  # decoder h[-1] (Bahdanau: the previous step's)
lengths = torch.tensor([5, 3, 2])

W_k = nn.Linear(key_size, attention_size, bias=False)
W_q = nn.Linear(query_size, attention_size, bias=False)
v = nn.Linear(attention_size, 1, bias=False)

# score[b, t] = v . tanh(W_k keys[b, t] + W_q query[b]): the query is broadcast over src_len.
projected_keys = W_k(keys)  # (batch, src_len, attention_size)
projected_query = W_q(query).unsqueeze(1)  # (batch, 1, attention_size)
energy = torch.tanh(projected_keys + projected_query)
print(
    "keys",
    tuple(projected_keys.shape),
    "+ query",
    tuple(projected_query.shape),
    "->",
    tuple(energy.shape),
)
scores = v(energy).squeeze(2)  # (batch, src_len)
mask = torch.arange(src_len) < lengths[:, None]
weights = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=1)
context = torch.bmm(weights.unsqueeze(1), keys).squeeze(1)
print(
    "scores:",
    tuple(scores.shape),
    "weights:",
    tuple(weights.shape),
    "context:",
    tuple(context.shape),
)
print("padded steps get weight 0:", bool((weights[~mask] == 0).all()))

# Key and query sizes may differ here (12 and 8): each has its own Linear.
by_loop = torch.stack(
    [
        torch.stack(
            [v(torch.tanh(W_k(keys[b, t]) + W_q(query[b]))).squeeze() for t in range(src_len)]
        )
        for b in range(batch)
    ]
)
print(
    "scores agree with a loop over (b, t) within 1e-6:", torch.allclose(scores, by_loop, atol=1e-6)
)
assert energy.shape == (batch, src_len, attention_size) and context.shape == (batch, key_size)
assert torch.allclose(scores, by_loop, atol=1e-6)
