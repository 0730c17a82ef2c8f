import torch
from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_sequence

torch.manual_seed(0)
sequences = [torch.randn(length, 4) for length in (2, 5, 3)]  # a list, not padded
lengths = torch.tensor([len(sequence) for sequence in sequences])

# pack_sequence = pad_sequence, then pack_padded_sequence with the lengths.
packed = pack_sequence(sequences, enforce_sorted=False)
by_hand = pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=False)
same = all(torch.equal(a, b) for a, b in zip(packed, by_hand, strict=True))
print("pack_sequence equals pad_sequence + pack_padded_sequence:", same)
assert same

# Its enforce_sorted default is True as well: an unsorted list raises.
try:
    pack_sequence(sequences)
except RuntimeError as error:
    print("pack_sequence(unsorted list) ->", str(error).split(",")[0])
    assert "must be sorted in decreasing order" in str(error)
