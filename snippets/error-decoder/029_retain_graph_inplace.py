import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 6, 2, 3, 4, 1
chunk_len = 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
optimizer = torch.optim.SGD(lstm.parameters(), lr=0.1)
x = torch.randn(seq_len, batch, input_size)

# retain_graph=True silences the previous error, but the next backward goes through the old
# graph again, whose saved weights optimizer.step() has changed in place.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
try:
    for chunk in x.split(chunk_len):
        optimizer.zero_grad()
        output, (h, c) = lstm(chunk, (h, c))
        output.pow(2).mean().backward(retain_graph=True)
        optimizer.step()
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "modified by an inplace operation" in message

# Fix: not retain_graph, but detach the carried state.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
steps = 0
for chunk in x.split(chunk_len):
    optimizer.zero_grad()
    output, (h, c) = lstm(chunk, (h.detach(), c.detach()))
    output.pow(2).mean().backward()
    optimizer.step()
    steps += 1
print("with detach, optimizer steps taken:", steps)
assert steps == len(x.split(chunk_len))
