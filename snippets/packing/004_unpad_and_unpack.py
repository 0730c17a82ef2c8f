import torch
from torch.nn.utils.rnn import pack_sequence, pad_sequence, unpack_sequence, unpad_sequence

torch.manual_seed(0)
sequences = [torch.randn(length, 4) for length in (2, 5, 3)]
lengths = torch.tensor([len(sequence) for sequence in sequences])

padded = pad_sequence(sequences)  # (seq_len, batch, input_size)
unpadded = unpad_sequence(padded, lengths)  # back to a list, padding cut off
print("unpad_sequence:", [tuple(t.shape) for t in unpadded])
assert all(torch.equal(a, b) for a, b in zip(unpadded, sequences, strict=True))

packed = pack_sequence(sequences, enforce_sorted=False)
unpacked = unpack_sequence(packed)  # a list, in the original order
print("unpack_sequence:", [tuple(t.shape) for t in unpacked])
assert all(torch.equal(a, b) for a, b in zip(unpacked, sequences, strict=True))

# batch_first must match the padded layout.
padded_bf = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, input_size)
unpadded_bf = unpad_sequence(padded_bf, lengths, batch_first=True)
same = all(torch.equal(a, b) for a, b in zip(unpadded_bf, sequences, strict=True))
print("equal to the originals:", same)
assert same
