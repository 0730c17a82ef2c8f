import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_classes = 5, 3, 10, 20, 4

lstm = nn.LSTM(input_size, hidden_size)
classify = nn.Linear(hidden_size, num_classes)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(seq_len, batch, input_size)
labels = torch.tensor([0, 3, 1])  # one label per sequence

output, (h_n, c_n) = lstm(x)
logits = classify(h_n)  # h_n still has its layer dimension
print("classify(h_n):", tuple(logits.shape))
try:
    loss_fn(logits, labels)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected input batch_size (1) to match target batch_size (3)" in message

# Fix: the top layer's state, h_n[-1], is (batch, hidden_size).
logits = classify(h_n[-1])
loss = loss_fn(logits, labels)
print("classify(h_n[-1]):", tuple(logits.shape), " loss is a scalar:", loss.dim() == 0)
assert logits.shape == (batch, num_classes) and loss.dim() == 0
