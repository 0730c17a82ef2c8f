import torch
from torch import nn
from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
sequences = [torch.randn(length, input_size) for length in (2, 5, 3)]  # unsorted
lstm = nn.LSTM(input_size, hidden_size)
h_0 = torch.randn(1, 3, hidden_size)  # one initial state per sequence, in YOUR order
c_0 = torch.randn(1, 3, hidden_size)

packed = pack_sequence(sequences, enforce_sorted=False)
packed_output, (h_n, c_n) = lstm(packed, (h_0, c_0))
output, output_lengths = pad_packed_sequence(packed_output)
print("sorted_indices:", packed.sorted_indices.tolist(), " lengths out:", output_lengths.tolist())
assert output_lengths.tolist() == [2, 5, 3]  # the original order

# Each sequence run alone, from its own row of h_0: the packed run gives the same.
for i, sequence in enumerate(sequences):
    alone, (h_alone, _) = lstm(sequence.unsqueeze(1), (h_0[:, i : i + 1], c_0[:, i : i + 1]))
    same_h = torch.allclose(h_n[:, i], h_alone[:, 0], atol=1e-6)
    same_output = torch.allclose(output[: len(sequence), i], alone[:, 0], atol=1e-6)
    print(
        f"sequence {i}: h_n and output match it run alone with h_0[:, {i}]:", same_h and same_output
    )
    assert same_h and same_output

# Sorting h_0 yourself is one permutation too many: the LSTM already applies sorted_indices.
h_sorted = h_0[:, packed.sorted_indices]
c_sorted = c_0[:, packed.sorted_indices]
_, (h_wrong, _) = lstm(packed, (h_sorted, c_sorted))
print("h_0 sorted by hand gives the same h_n:", torch.allclose(h_wrong, h_n, atol=1e-6))
assert not torch.allclose(h_wrong, h_n, atol=1e-6)
