import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 6, 2, 3, 4, 1
chunk_len = 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)

# A long sequence in chunks, the state carried from one chunk to the next.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
try:
    for chunk in x.split(chunk_len):
        output, (h, c) = lstm(chunk, (h, c))  # (h, c) still points into the previous graph
        output.pow(2).mean().backward()
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Trying to backward through the graph a second time" in message

# Fix: detach the carried state. Its values go on, its history stops.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
backward_calls = 0
for chunk in x.split(chunk_len):
    output, (h, c) = lstm(chunk, (h.detach(), c.detach()))
    output.pow(2).mean().backward()
    backward_calls += 1
print("with detach, backward calls that worked:", backward_calls, "of", len(x.split(chunk_len)))
assert backward_calls == len(x.split(chunk_len))
