import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(seq_len, batch, input_size)
h_0 = torch.randn(1, batch, hidden_size)  # a non-zero initial state
c_0 = torch.randn(1, batch, hidden_size)
output, (h_n, c_n) = lstm(x, (h_0, c_0))

# An LSTMCell with the LSTM's own weights, called once per step.
cell = nn.LSTMCell(input_size, hidden_size)
for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
    getattr(cell, name).data.copy_(getattr(lstm, name + "_l0"))
h, c = h_0[0], c_0[0]
hs = []
for x_t in x:
    h, c = cell(x_t, (h, c))
    hs.append(h)

every_step = all(torch.allclose(output[t], hs[t], atol=1e-6) for t in range(seq_len))
starts_at_h_0 = torch.allclose(output[0], h_0[0])
starts_at_h_1 = torch.allclose(output[0], hs[0], atol=1e-6)
last_h = torch.allclose(h_n[0], h, atol=1e-6)
last_c = torch.allclose(c_n[0], c, atol=1e-6)
print("within 1e-6 (allclose):")
print("  output[t] and the cell's h after input t, every t:", every_step)
print("  output[0] and h_0, the state passed in:           ", starts_at_h_0)
print("  output[0] and h_1, the cell's first h:            ", starts_at_h_1)
print("  h_n and the cell's last h:                        ", last_h)
print("  c_n and the cell's last c:                        ", last_c)
print("entries in output:", output.shape[0], "(one per input, none for h_0)")
assert every_step and not starts_at_h_0 and starts_at_h_1
assert last_h and last_c
assert output.shape[0] == seq_len
