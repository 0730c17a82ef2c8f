import torch
from torch import nn

torch.manual_seed(0)
batch, src_len, hidden_size = 3, 5, 6
keys = torch.randn(batch, src_len, 2 * hidden_size)  # bidirectional encoder output, batch_first
query = torch.randn(batch, 2 * hidden_size)  # decoder h[-1]
W_k, W_q = nn.Linear(2 * hidden_size, 7), nn.Linear(2 * hidden_size, 7)
mask = torch.arange(src_len) < torch.tensor([5, 3, 2])[:, None]  # (batch, src_len)

attempts = {
    "query not unsqueezed": lambda: torch.bmm(keys, query),
    "decoder hidden_size = H, keys 2 * H": lambda: torch.bmm(
        keys, query[:, :hidden_size].unsqueeze(2)
    ),
    "time-major keys (src_len, batch, 2 * H)": lambda: torch.bmm(
        keys.transpose(0, 1), query.unsqueeze(2)
    ),
    "additive, query not unsqueezed": lambda: W_k(keys) + W_q(query),
    "mask (batch, src_len) on time-major scores": lambda: torch.randn(src_len, batch).masked_fill(
        ~mask, float("-inf")
    ),
}
for what, attempt in attempts.items():
    try:
        attempt()
    except RuntimeError as e:
        print(f"{what}:\n  {type(e).__name__}: {e}")
    else:
        raise AssertionError(f"{what} ran")

# The silent ones. With batch == src_len the additive sum broadcasts without an error:
square = torch.randn(4, 4, 2 * hidden_size)  # 4 sequences of 4 steps
q4 = torch.randn(4, 2 * hidden_size)
wrong = W_k(square) + W_q(q4)  # adds query[t] to step t of EVERY sequence
right = W_k(square) + W_q(q4).unsqueeze(1)  # adds query[b] to every step of sequence b
print(
    "batch == src_len, no unsqueeze: runs with shape",
    tuple(wrong.shape),
    "and the right values:",
    torch.allclose(wrong, right),
)
# With src_len == 1 it broadcasts too: each sequence's key with every sequence's query.
one_step = W_k(keys[:, :1]) + W_q(query)  # keys (batch, src_len=1, 2 * H)
print("src_len == 1, no unsqueeze: runs with shape", tuple(one_step.shape))
# Time-major keys (src_len, batch, 2 * H) with src_len == batch: bmm runs on the wrong pairs.
time_major = torch.bmm(square, q4.unsqueeze(2)).squeeze(2)  # square read as time-major
by_sequence = torch.bmm(square.transpose(0, 1), q4.unsqueeze(2)).squeeze(2)
same = torch.allclose(time_major, by_sequence)
print("time-major keys, src_len == batch: bmm runs; right scores:", same)
# A softmax over the batch instead of the steps runs, and its rows do not sum to 1:
scores = torch.bmm(keys, query.unsqueeze(2)).squeeze(2)
over_batch = torch.softmax(scores, dim=0)
print(
    "softmax(dim=0): each sequence's weights sum to 1:",
    torch.allclose(over_batch.sum(dim=1), torch.ones(batch)),
)
assert wrong.shape == right.shape and not torch.allclose(wrong, right)
assert one_step.shape == (batch, batch, 7) and not same
assert not torch.allclose(over_batch.sum(dim=1), torch.ones(batch))
