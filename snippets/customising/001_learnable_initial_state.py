import warnings

import torch
from torch import nn

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers, proj_size = 5, 3, 4, 6, 2, 2
D = 2  # bidirectional


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(
            input_size, hidden_size, num_layers, bidirectional=True, proj_size=proj_size
        )
        # One row per layer and direction, a batch of 1: learned, then expanded to any batch.
        # h_0 is proj_size wide (H_out), c_0 hidden_size wide.
        self.h_0 = nn.Parameter(torch.zeros(D * num_layers, 1, proj_size))
        self.c_0 = nn.Parameter(torch.zeros(D * num_layers, 1, hidden_size))

    def forward(self, x):
        batch = x.shape[1]
        h_0 = self.h_0.expand(-1, batch, -1)
        c_0 = self.c_0.expand(-1, batch, -1)
        return self.lstm(x, (h_0, c_0))


model = Encoder()
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = model(x)
expanded = model.h_0.expand(-1, batch, -1)
print("h_0 parameter:", tuple(model.h_0.shape), " c_0 parameter:", tuple(model.c_0.shape))
print("expanded h_0:", tuple(expanded.shape), " contiguous:", expanded.is_contiguous())
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape), " c_n:", tuple(c_n.shape))

output.sum().backward()
print("gradient reaches h_0 and c_0:", model.h_0.grad is not None and model.c_0.grad is not None)
print("h_0 among model.parameters():", any(p is model.h_0 for p in model.parameters()))
assert not expanded.is_contiguous()
assert model.h_0.grad.shape == (D * num_layers, 1, proj_size)
assert model.c_0.grad.shape == (D * num_layers, 1, hidden_size)
assert bool(model.h_0.grad.abs().sum() > 0) and bool(model.c_0.grad.abs().sum() > 0)
