import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_classes = 5, 3, 10, 20, 4

lstm = nn.LSTM(input_size, hidden_size, bidirectional=True)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)
both_directions = torch.cat([h_n[-2], h_n[-1]], dim=1)  # forward and backward: 2 * hidden_size
classify = nn.Linear(hidden_size, num_classes)
try:
    classify(both_directions)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "mat1 and mat2 shapes cannot be multiplied (3x40 and 20x4)" in message

# Fix: the layer after a bidirectional LSTM takes 2 * hidden_size features.
classify = nn.Linear(2 * hidden_size, num_classes)
print("cat of h_n[-2], h_n[-1]:", tuple(both_directions.shape))
print("logits:", tuple(classify(both_directions).shape))
assert classify(both_directions).shape == (batch, num_classes)
