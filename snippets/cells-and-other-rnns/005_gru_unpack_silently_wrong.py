import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 2, 10, 20
x = torch.randn(seq_len, batch, input_size)

# Two layers: h_n is (2, batch, hidden_size), and unpacking it into two names just works.
gru = nn.GRU(input_size, hidden_size, num_layers=2)
result = gru(x)
gru_output, gru_h_n = result  # what a GRU returns: output, h_n
output, (h_n, c_n) = result  # LSTM-style unpacking: no error

print('"h_n":', tuple(h_n.shape), ' "c_n":', tuple(c_n.shape), "(no layer dimension)")
print('"h_n" is layer 0\'s final h:', torch.equal(h_n, gru_h_n[0]))
print('"c_n" is layer 1\'s final h:', torch.equal(c_n, gru_h_n[1]))
print('"c_n" equals output[-1]:   ', torch.equal(c_n, output[-1]))
assert h_n.shape == c_n.shape == (batch, hidden_size)
assert torch.equal(h_n, gru_h_n[0]) and torch.equal(c_n, gru_h_n[1])
assert torch.equal(c_n, output[-1])

# Bidirectional, one layer: h_n is (2, batch, hidden_size) too; the "state" is the two directions.
gru = nn.GRU(input_size, hidden_size, bidirectional=True)
output, (h_n, c_n) = gru(x)  # LSTM-style unpacking: no error
forward_last = output[-1, :, :hidden_size]  # the forward direction ends at the last step
backward_last = output[0, :, hidden_size:]  # the backward direction ends at the first step
print('bidirectional: "h_n" is the forward direction: ', torch.equal(h_n, forward_last))
print('bidirectional: "c_n" is the backward direction:', torch.equal(c_n, backward_last))
assert torch.equal(h_n, forward_last) and torch.equal(c_n, backward_last)
