import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 6, 2, 3, 4, 1
chunk_len = 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
head = nn.Linear(hidden_size, 1)
x = torch.randn(seq_len, batch, input_size)
target = torch.randn(seq_len, batch, 1)
chunks = list(zip(x.split(chunk_len), target.split(chunk_len), strict=True))

# Without detach: chunk 2's graph runs back through (h, c) into chunk 1's graph, already freed.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
try:
    for chunk, chunk_target in chunks:
        output, (h, c) = lstm(chunk, (h, c))
        loss = (head(output) - chunk_target).pow(2).mean()
        loss.backward()
except RuntimeError as error:
    message = str(error)
print(message)
assert "Trying to backward through the graph a second time" in message

# With detach: keep the values of (h, c), drop their history. Gradients stop at the chunk start.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
carried_history = []
for chunk, chunk_target in chunks:
    h, c = h.detach(), c.detach()
    carried_history.append(h.grad_fn is not None or c.grad_fn is not None)
    output, (h, c) = lstm(chunk, (h, c))
    loss = (head(output) - chunk_target).pow(2).mean()
    loss.backward()
print("with detach, backward worked on all", len(chunks), "chunks")
print("carried (h, c) had a graph attached, per chunk:", carried_history)
print("(h, c) after the last chunk has a graph again:", h.grad_fn is not None)
assert carried_history == [False] * len(chunks) and h.grad_fn is not None
