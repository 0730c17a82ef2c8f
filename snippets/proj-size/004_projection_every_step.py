import warnings

import torch
from torch import nn

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
proj_size = 8

lstm = nn.LSTM(input_size, hidden_size, proj_size=proj_size)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# The same layer, one step at a time, with the module's own weights.
h = torch.zeros(batch, proj_size)
c = torch.zeros(batch, hidden_size)
steps = []
for x_t in x:
    gates = (
        x_t @ lstm.weight_ih_l0.T
        + lstm.bias_ih_l0
        + h @ lstm.weight_hh_l0.T  # the recurrence reads the projected h of the previous step
        + lstm.bias_hh_l0
    )
    i, f, g, o = gates.chunk(4, dim=1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    unprojected = torch.sigmoid(o) * torch.tanh(c)  # (batch, hidden_size)
    h = unprojected @ lstm.weight_hr_l0.T  # h_t = W_hr (o_t * tanh(c_t)): (batch, proj_size)
    steps.append(h)

matches = [torch.allclose(output[t], steps[t], atol=1e-6) for t in range(seq_len)]
print("o_t * tanh(c_t) before the projection:", tuple(unprojected.shape))
print("h_t after the projection:             ", tuple(h.shape))
print("output[t] equals the loop's h_t, step by step:", matches)
print("h_n equals the last h:", torch.allclose(h_n[0], h, atol=1e-6))
print("c_n equals the last c:", torch.allclose(c_n[0], c, atol=1e-6))
assert all(matches)
assert torch.allclose(h_n[0], h, atol=1e-6) and torch.allclose(c_n[0], c, atol=1e-6)
