import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2
num_classes, num_tags = 4, 7

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# One label per sequence: the top layer's final hidden state.
classify = nn.Linear(hidden_size, num_classes)
sequence_logits = classify(h_n[-1])
print("one label per sequence:", tuple(sequence_logits.shape))  # (batch, num_classes)

# One label per step: every step of output.
tag = nn.Linear(hidden_size, num_tags)
step_logits = tag(output)
print("one label per step:    ", tuple(step_logits.shape))  # (seq_len, batch, num_tags)

# A decoder or the next chunk of a long sequence: hand over the whole state.
_, (h_next, c_next) = lstm(torch.randn(seq_len, batch, input_size), (h_n, c_n))
print("state to carry on:     ", tuple(h_n.shape), tuple(c_n.shape))
assert sequence_logits.shape == (batch, num_classes)
assert step_logits.shape == (seq_len, batch, num_tags)
assert h_next.shape == h_n.shape and c_next.shape == c_n.shape
