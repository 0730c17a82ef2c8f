import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
input_size, hidden_size, num_heads = 4, 6, 2
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences, batch_first=True)

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
attention = nn.MultiheadAttention(hidden_size, num_heads, batch_first=True)
output, (h_n, c_n) = lstm(x)
query = h_n[-1].unsqueeze(1)  # (batch, 1, hidden_size): each sequence's summary asks

valid = torch.arange(x.shape[1]) < lengths[:, None]  # True on real steps
# key_padding_mask: True means "ignore this key", so pass the padding, ~valid.
context, weights = attention(query, output, output, key_padding_mask=~valid)
weights = weights.squeeze(1)  # (batch, seq_len): one query per sequence
print("context:", tuple(context.shape), " weights:", tuple(weights.shape), "(heads averaged)")
print("key_padding_mask=~valid: weight on padded steps is 0:", bool((weights[~valid] == 0).all()))
assert context.shape == (3, 1, hidden_size) and weights.shape == (3, x.shape[1])
assert (weights[~valid] == 0).all()

# The opposite boolean (True on real steps) ignores the real steps instead: the shorter
# sequences attend to their padding only, and the full one, with every key ignored, gets NaN.
_, wrong = attention(query, output, output, key_padding_mask=valid)
wrong = wrong.squeeze(1)
print("key_padding_mask=valid:")
print("  sequences 1, 2: weight on real steps is 0:", bool((wrong[1:][valid[1:]] == 0).all()))
print("  sequence 0 (no padding): weights are NaN:", bool(wrong[0].isnan().all()))
assert (wrong[1:][valid[1:]] == 0).all() and wrong[0].isnan().all()
