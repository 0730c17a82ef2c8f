import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
H = hidden_size

lstm = nn.LSTM(input_size, hidden_size, bidirectional=True)  # one layer
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Change every step except the last one, and compare the last step of output.
changed_x = x.clone()
changed_x[:-1] = torch.randn(seq_len - 1, batch, input_size)
changed_output, _ = lstm(changed_x)
forward_moved = not torch.equal(changed_output[-1, :, :H], output[-1, :, :H])
backward_moved = not torch.equal(changed_output[-1, :, H:], output[-1, :, H:])
print("output[-1, :, :H] (forward) changes when x[:-1] changes: ", forward_moved)
print("output[-1, :, H:] (backward) changes when x[:-1] changes:", backward_moved)

# The backward half of the last step is the backward direction run on the last step alone.
last_step_only, _ = lstm(x[-1:])
print(
    "output[-1, :, H:] == backward run on x[-1:] alone:",
    torch.equal(output[-1, :, H:], last_step_only[0, :, H:]),
)
print(
    "output[-1, :, H:] == h_n[-1] (the backward summary):", torch.equal(output[-1, :, H:], h_n[-1])
)
assert forward_moved and not backward_moved
assert torch.equal(output[-1, :, H:], last_step_only[0, :, H:])
assert not torch.equal(output[-1, :, H:], h_n[-1])
