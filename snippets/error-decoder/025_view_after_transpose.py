import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
output, (h_n, c_n) = lstm(torch.randn(seq_len, batch, input_size))
h_n_batch_first = h_n.transpose(0, 1)  # (batch, num_layers, hidden_size), not contiguous
try:
    h_n_batch_first.view(batch, -1)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "view size is not compatible with input tensor's size and stride" in message

# Fix: .reshape() (or .contiguous().view()). Row b then holds sequence b's states.
per_sequence = h_n_batch_first.reshape(batch, -1)
print("reshape(batch, -1):", tuple(per_sequence.shape))
print("row 1 is sequence 1:", torch.equal(per_sequence[1], h_n[:, 1].flatten()))
assert torch.equal(per_sequence[1], h_n[:, 1].flatten())
assert torch.equal(per_sequence, h_n_batch_first.contiguous().view(batch, -1))

# No error, but wrong: h_n.view(batch, -1) without the transpose mixes the sequences up.
mixed = h_n.view(batch, -1)
print("h_n.view(batch, -1) row 1 is sequence 1:", torch.equal(mixed[1], h_n[:, 1].flatten()))
assert not torch.equal(mixed[1], h_n[:, 1].flatten())
