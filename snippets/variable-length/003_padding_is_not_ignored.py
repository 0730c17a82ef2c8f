import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences)  # zeros after the end of the shorter sequences

lstm = nn.LSTM(input_size, hidden_size)
output, (h_n, c_n) = lstm(x)  # the padded batch, NOT packed

# Without packing, every sequence runs for all 5 steps and h_n is output[-1].
print("h_n[-1] equals output[-1]:", torch.equal(h_n[-1], output[-1]))
assert torch.equal(h_n[-1], output[-1])

for i, sequence in enumerate(sequences):
    length = lengths[i].item()
    _, (h_alone, _) = lstm(sequence.unsqueeze(1))  # the sequence alone, no padding
    _, (h_padded_alone, _) = lstm(x[:, i : i + 1])  # the sequence alone, with its zeros
    is_alone = torch.allclose(h_n[-1, i], h_alone[-1, 0], atol=1e-6)
    is_after_padding = torch.allclose(h_n[-1, i], h_padded_alone[-1, 0], atol=1e-6)
    print(f"sequence {i} (length {length}, {5 - length} padding steps):")
    print("  h_n equals the sequence run alone:        ", is_alone)
    print("  h_n equals the sequence + zeros run alone:", is_after_padding)
    assert is_alone == (length == 5)  # only the longest sequence is unaffected
    assert is_after_padding
