import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
batch, src_len, input_size, hidden_size = 3, 5, 4, 6
lengths = torch.tensor([5, 3, 2])  # padded source sentences
encoder = nn.LSTM(input_size, hidden_size, bidirectional=True, batch_first=True)
decoder = nn.LSTM(input_size, 2 * hidden_size, batch_first=True)  # hidden = encoder's 2 * H
source = torch.randn(batch, src_len, input_size)
packed, (h_n, c_n) = encoder(pack_padded_sequence(source, lengths, batch_first=True))
keys, _ = pad_packed_sequence(packed, batch_first=True)  # keys = values = encoder output
print("keys/values (encoder output):", tuple(keys.shape), "(batch, src_len, 2 * H)")

# The bridge of a one-layer encoder: both directions joined, (1, batch, 2 * H).
state = tuple(torch.cat([s[0], s[1]], dim=1).unsqueeze(0) for s in (h_n, c_n))
step_output, (h, c) = decoder(torch.randn(batch, 1, input_size), state)  # one step
query = h[-1]  # the decoder's top layer at this step
print("query h[-1]:", tuple(query.shape), "(batch, 2 * H)")

# dot: score[b, t] = keys[b, t] . query[b]
scores = torch.bmm(keys, query.unsqueeze(2)).squeeze(2)
print("scores:", tuple(scores.shape), "(batch, src_len)")
# general: a Linear between them, keys @ W @ query
W = nn.Linear(2 * hidden_size, 2 * hidden_size, bias=False)
general = torch.bmm(keys, W(query).unsqueeze(2)).squeeze(2)
print("general scores:", tuple(general.shape))

mask = torch.arange(src_len) < lengths[:, None]  # True on real source steps
weights = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=1)  # over src_len
print(
    "weights:",
    tuple(weights.shape),
    "rows sum to 1:",
    torch.allclose(weights.sum(dim=1), torch.ones(batch)),
)
print("padded source steps get weight 0:", bool((weights[~mask] == 0).all()))

context = torch.bmm(weights.unsqueeze(1), keys).squeeze(1)  # weighted sum over src_len
print("context:", tuple(context.shape), "(batch, 2 * H)")
combined = torch.tanh(nn.Linear(4 * hidden_size, 2 * hidden_size)(torch.cat([context, query], 1)))
print("attentional hidden state [context; query] -> Linear -> tanh:", tuple(combined.shape))

by_hand = (weights.unsqueeze(2) * keys).sum(dim=1)
assert scores.shape == weights.shape == (batch, src_len)
assert torch.allclose(context, by_hand, atol=1e-6) and bool((weights[~mask] == 0).all())
assert torch.allclose(scores[1, 2], keys[1, 2] @ query[1])
