import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([2, 5, 3])  # NOT sorted longest first
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences)
lstm = nn.LSTM(input_size, hidden_size)

# The default, enforce_sorted=True, refuses unsorted lengths.
try:
    pack_padded_sequence(x, lengths)
except RuntimeError as error:
    message = str(error)
print(message)
assert "must be sorted in decreasing order" in message

# enforce_sorted=False sorts inside, and h_n comes back in YOUR order.
packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
print("sorted order used inside:", packed.sorted_indices.tolist())
output, (h_n, c_n) = lstm(packed)
for i, sequence in enumerate(sequences):
    _, (h_alone, c_alone) = lstm(sequence.unsqueeze(1))
    same = torch.allclose(h_n[:, i], h_alone[:, 0], atol=1e-6)
    same = same and torch.allclose(c_n[:, i], c_alone[:, 0], atol=1e-6)
    print(f"h_n[:, {i}] within 1e-6 of sequence {i} run alone (length {lengths[i].item()}):", same)
    assert same
