import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, bidirectional=True)
x = torch.randn(batch, seq_len, input_size)
output, (h_n, c_n) = lstm(x)  # h_n: (num_layers * 2, batch, hidden_size)

# Batch first: swap the first two dimensions. transpose(0, 1) and permute(1, 0, 2) agree.
h_n_batch_first = h_n.transpose(0, 1)
print("h_n.transpose(0, 1):", tuple(h_n_batch_first.shape))
print("same as h_n.permute(1, 0, 2):", torch.equal(h_n_batch_first, h_n.permute(1, 0, 2)))
assert h_n_batch_first.shape == (batch, num_layers * 2, hidden_size)
assert torch.equal(h_n_batch_first, h_n.permute(1, 0, 2))

# The transpose is a view with swapped strides: .view() on it fails.
print("contiguous:", h_n_batch_first.is_contiguous())
try:
    h_n_batch_first.view(batch, -1)
except RuntimeError as error:
    print("RuntimeError:", error)
    assert "view size is not compatible with input tensor's size and stride" in str(error)
else:
    raise AssertionError("view() of a transposed h_n worked")

# .contiguous() first (or .reshape()): one row of every final state per sequence.
per_sequence = h_n_batch_first.contiguous().view(batch, -1)
rows_are_sequences = all(torch.equal(per_sequence[b], h_n[:, b].flatten()) for b in range(batch))
print("contiguous().view(batch, -1):", tuple(per_sequence.shape))
print("row b holds sequence b's states:", rows_are_sequences)
assert per_sequence.shape == (batch, num_layers * 2 * hidden_size) and rows_are_sequences
assert torch.equal(per_sequence, h_n_batch_first.reshape(batch, -1))

# Without the transpose, view() runs but mixes the sequences up.
mixed = h_n.view(batch, -1)
mixed_ok = all(torch.equal(mixed[b], h_n[:, b].flatten()) for b in range(batch))
print("h_n.view(batch, -1) rows are sequences:", mixed_ok)
assert mixed.shape == per_sequence.shape and not mixed_ok
