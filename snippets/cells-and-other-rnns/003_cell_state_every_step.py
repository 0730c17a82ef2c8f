import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# nn.LSTM returns c only for the last step. An LSTMCell loop with its weights keeps every c.
cell = nn.LSTMCell(input_size, hidden_size)
for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
    getattr(cell, name).data.copy_(getattr(lstm, name + "_l0"))
h = torch.zeros(batch, hidden_size)
c = torch.zeros(batch, hidden_size)
hs, cs = [], []
for x_t in x:
    h, c = cell(x_t, (h, c))
    hs.append(h)
    cs.append(c)
all_h = torch.stack(hs)  # (seq_len, batch, hidden_size), the same as output
all_c = torch.stack(cs)  # (seq_len, batch, hidden_size), c_t at every step

print("all_c:", tuple(all_c.shape))
print("all_h equals output:", torch.allclose(all_h, output, atol=1e-6))
print("all_c[-1] equals c_n[0]:", torch.allclose(all_c[-1], c_n[0], atol=1e-6))
assert all_c.shape == (seq_len, batch, hidden_size)
assert torch.allclose(all_h, output, atol=1e-6)
assert torch.allclose(all_c[-1], c_n[0], atol=1e-6)

# Stacked layers? Step nn.LSTM itself, one step at a time, carrying (h, c): every c_n it returns
# is the cell state of every layer after that step.
stacked = nn.LSTM(input_size, hidden_size, num_layers=2)
stacked_output, (stacked_h_n, stacked_c_n) = stacked(x)
state = None  # zeros, like the default
cs = []
for x_t in x:
    _, state = stacked(x_t.unsqueeze(0), state)  # a sequence of length 1
    cs.append(state[1])
all_c = torch.stack(cs)  # (seq_len, num_layers, batch, hidden_size)
print("stacked all_c:", tuple(all_c.shape))
print("stacked all_c[-1] equals c_n:", torch.allclose(all_c[-1], stacked_c_n, atol=1e-6))
assert all_c.shape == (seq_len, 2, batch, hidden_size)
assert torch.allclose(all_c[-1], stacked_c_n, atol=1e-6)
