import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence as pack
from torch.nn.utils.rnn import pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(n, input_size) for n in lengths.tolist()]
x = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, input_size)
lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=True)
steps = torch.arange(x.shape[1])
real = (steps < lengths.unsqueeze(1)).unsqueeze(-1)  # (batch, seq_len, 1)


def masked_mean(output):
    return (output * real).sum(dim=1) / lengths.unsqueeze(1)


def masked_max(output):
    return output.masked_fill(~real, float("-inf")).amax(dim=1)


def like_alone(pooled, pool):
    """Per sequence: pooled within 1e-6 of the same pooling of its lone run?"""
    alone = [pool(lstm(s)[0]) for s in sequences]
    pairs = zip(pooled, alone, strict=True)
    return [torch.allclose(p, a, atol=1e-6) for p, a in pairs]


packed_output, _ = lstm(pack(x, lengths, batch_first=True))
# Padded back: zeros after each sequence's end.
output, _ = pad_packed_sequence(packed_output, batch_first=True)

# Silent: pooling the padded-back output without a mask counts the zeros.
mean_all = like_alone(output.mean(dim=1), lambda o: o.mean(dim=0))
max_all = like_alone(output.amax(dim=1), lambda o: o.amax(dim=0))
zero_won = ((output.amax(dim=1) == 0) & (masked_max(output) < 0)).sum(dim=1)
print("packed, unmasked mean like the lone run:", mean_all)
print("packed, unmasked max like the lone run: ", max_all)
print("features where a padding zero won the max:", zero_won.tolist())
assert mean_all == max_all == [True, False, False]
assert zero_won[0] == 0 and zero_won[1:].sum() > 0

# Masked: a mean over the real steps, a max with -inf on the padding.
mean_packed = like_alone(masked_mean(output), lambda o: o.mean(dim=0))
max_packed = like_alone(masked_max(output), lambda o: o.amax(dim=0))
print("packed, masked mean like the lone run:", mean_packed)
print("packed, masked max like the lone run: ", max_packed)
assert all(mean_packed) and all(max_packed)

# Bidirectional, not packed: the mask is right, the backward half is not.
unpacked_output, _ = lstm(x)
mean_padded = like_alone(masked_mean(unpacked_output), lambda o: o.mean(dim=0))
max_padded = like_alone(masked_max(unpacked_output), lambda o: o.amax(dim=0))
print("not packed, masked mean like the lone run:", mean_padded)
print("not packed, masked max like the lone run: ", max_padded)
assert mean_padded == max_padded == [True, False, False]
