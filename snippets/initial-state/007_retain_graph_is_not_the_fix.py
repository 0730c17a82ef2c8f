import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 6, 2, 3, 4, 1
chunk_len = 2

lstm = nn.LSTM(input_size, hidden_size, num_layers)
head = nn.Linear(hidden_size, 1)
parameters = [*lstm.parameters(), *head.parameters()]
x = torch.randn(seq_len, batch, input_size)
target = torch.randn(seq_len, batch, 1)
chunks = list(zip(x.split(chunk_len), target.split(chunk_len), strict=True))

# retain_graph=True keeps chunk 1's graph alive, so chunk 2's backward goes through it again,
# and meets weights that the update after chunk 1 has changed in place.
h = torch.zeros(num_layers, batch, hidden_size)
c = torch.zeros(num_layers, batch, hidden_size)
try:
    for chunk, chunk_target in chunks:
        output, (h, c) = lstm(chunk, (h, c))
        loss = (head(output) - chunk_target).pow(2).mean()
        loss.backward(retain_graph=True)
        with torch.no_grad():
            for parameter in parameters:  # a plain SGD step, in place like optimizer.step()
                parameter -= 0.1 * parameter.grad
                parameter.grad = None
except RuntimeError as error:
    message = str(error)
print(message)
assert "modified by an inplace operation" in message
