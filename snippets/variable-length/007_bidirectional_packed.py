import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size, batch = 4, 6, 3
H = hidden_size
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences)

lstm = nn.LSTM(input_size, hidden_size, bidirectional=True)
packed_output, (h_n, c_n) = lstm(pack_padded_sequence(x, lengths))
output, _ = pad_packed_sequence(packed_output)  # (seq_len, batch, 2 * hidden_size)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))

# Forward direction: h_n[-2] is each sequence's last valid step, first half of output.
forward_last = output[lengths - 1, torch.arange(batch), :H]
forward_ok = torch.equal(h_n[-2], forward_last)
print("packed: h_n[-2] equals output[lengths - 1, arange(batch), :H]:", forward_ok)
# Backward direction: it starts at each sequence's last valid step and ends at step 0.
backward_ok = torch.equal(h_n[-1], output[0, :, H:])
print("packed: h_n[-1] equals output[0, :, H:]:                      ", backward_ok)
assert forward_ok and backward_ok

# Without packing, the backward direction starts on the padding of the shorter sequences.
unpacked_output, (unpacked_h_n, _) = lstm(x)
same_backward = [torch.allclose(unpacked_h_n[-1, i], h_n[-1, i], atol=1e-6) for i in range(batch)]
print("unpacked: backward h_n within 1e-6 of the packed one, per sequence:", same_backward)
assert same_backward == [True, False, False]
