import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)
output, (h_n, c_n) = lstm(x)  # output: (batch, seq_len, hidden_size)

# Wrong: output[-1] is the LAST SEQUENCE of the batch, at every step.
print("output[-1]:   ", tuple(output[-1].shape))  # (seq_len, hidden_size)
last_sequence_alone, _ = lstm(x[-1:])  # run the last sequence on its own
is_last_sequence = torch.allclose(output[-1], last_sequence_alone[0], atol=1e-6)
print("output[-1] is the last sequence, every step:", is_last_sequence)

# Right: output[:, -1] is every sequence at the last step, the top layer of h_n.
print("output[:, -1]:", tuple(output[:, -1].shape))  # (batch, hidden_size)
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
assert output[-1].shape == (seq_len, hidden_size) and is_last_sequence
assert output[:, -1].shape == (batch, hidden_size)
assert torch.equal(output[:, -1], h_n[-1])
