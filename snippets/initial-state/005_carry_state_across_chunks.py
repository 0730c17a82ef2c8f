import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 12, 3, 10, 20, 2
chunk_len = 4

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)

# One pass over the whole sequence.
output, (h_n, c_n) = lstm(x)

# The same sequence in chunks of 4 steps, each starting from the state the previous one ended in.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
chunk_outputs = []
for chunk in x.split(chunk_len):  # split along dim 0, time
    chunk_output, (h, c) = lstm(chunk, (h, c))
    chunk_outputs.append(chunk_output)
chunked_output = torch.cat(chunk_outputs)  # cat along dim 0, time

print("chunks:", [tuple(chunk.shape) for chunk in x.split(chunk_len)])
print("concatenated output:", tuple(chunked_output.shape))
same_output = torch.allclose(chunked_output, output, atol=1e-6)
same_state = torch.allclose(h, h_n, atol=1e-6) and torch.allclose(c, c_n, atol=1e-6)
print("output within 1e-6 of one pass:", same_output)
print("final (h, c) within 1e-6 of (h_n, c_n) of one pass:", same_state)
assert same_output and same_state

# Starting every chunk from zeros instead gives something else.
restarted = torch.cat([lstm(chunk)[0] for chunk in x.split(chunk_len)])
print(
    "restarting each chunk from zeros, within 1e-6 of one pass:",
    torch.allclose(restarted, output, atol=1e-6),
)
assert not torch.allclose(restarted, output, atol=1e-6)
