import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences)

lstm = nn.LSTM(input_size, hidden_size)
packed_output, (h_n, c_n) = lstm(pack_padded_sequence(x, lengths))
output, _ = pad_packed_sequence(packed_output)

for i, sequence in enumerate(sequences):
    _, (h_alone, c_alone) = lstm(sequence.unsqueeze(1))  # this sequence alone, no padding
    length = lengths[i].item()
    same_h = torch.allclose(h_n[:, i], h_alone[:, 0], atol=1e-6)
    same_c = torch.allclose(c_n[:, i], c_alone[:, 0], atol=1e-6)
    is_last_valid = torch.equal(h_n[-1, i], output[length - 1, i])
    is_zero_after = bool((output[length:, i] == 0).all())
    print(f"sequence {i} (length {length}):")
    print("  h_n, c_n within 1e-6 of the sequence run alone:", same_h and same_c)
    print("  h_n[-1] equals output[length - 1]:              ", is_last_valid)
    print("  output after its end is all zeros:              ", is_zero_after)
    assert same_h and same_c and is_last_valid and is_zero_after

# So the last row of the padded output is NOT h_n[-1] for the shorter sequences.
last_row_matches = [torch.equal(output[-1, i], h_n[-1, i]) for i in range(len(sequences))]
print("output[-1] equals h_n[-1], per sequence:", last_row_matches)
assert last_row_matches == [True, False, False]
