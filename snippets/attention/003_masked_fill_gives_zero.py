import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences, batch_first=True)

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
score = nn.Linear(hidden_size, 1)
output, _ = lstm(x)
scores = score(output).squeeze(-1)  # (batch, seq_len)

mask = torch.arange(x.shape[1]) < lengths[:, None]  # True on real steps
weights = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=1)
context = (weights.unsqueeze(-1) * output).sum(dim=1)

print("weights on padded steps are exactly 0:", bool((weights[~mask] == 0).all()))
print("each row still sums to 1:", torch.allclose(weights.sum(1), torch.ones(len(lengths))))
assert (weights[~mask] == 0).all() and torch.allclose(weights.sum(1), torch.ones(3))

# With this one-direction LSTM, the pooled vector is the one each sequence gets alone.
for i, sequence in enumerate(sequences):
    alone, _ = lstm(sequence.unsqueeze(0))
    alone_weights = torch.softmax(score(alone).squeeze(-1), dim=1)
    alone_context = (alone_weights.unsqueeze(-1) * alone).sum(dim=1)[0]
    same = torch.allclose(context[i], alone_context, atol=1e-6)
    print(f"sequence {i}: pooled vector within 1e-6 of the sequence alone: {same}")
    assert same
