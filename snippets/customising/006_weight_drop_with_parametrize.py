import warnings

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 4, 6, 2
x = torch.randn(seq_len, batch, input_size)


class DropConnect(nn.Module):
    """Computes the weight the LSTM sees from the raw one, on every access."""

    def __init__(self, p):
        super().__init__()
        self.p = p

    def forward(self, weight):
        return F.dropout(weight, self.p, self.training)


lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
plain = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
plain.load_state_dict(lstm.state_dict())
for name in [n for n, _ in lstm.named_parameters() if n.startswith("weight_hh")]:
    parametrize.register_parametrization(lstm, name, DropConnect(0.5))
print("raw weight:", next(n for n, _ in lstm.named_parameters() if "original" in n))

lstm.train()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    first, _ = lstm(x)
    second, _ = lstm(x)
    first.sum().backward()
raw = lstm.parametrizations.weight_hh_l0.original
print("warnings:", len(caught))
print("a new mask each call:", not torch.equal(first, second))
print("gradient reaches the raw weight:", bool(raw.grad.abs().sum() > 0))

lstm.eval()
with torch.no_grad():
    print("eval: output as without dropout:", torch.equal(lstm(x)[0], plain(x)[0]))
    assert torch.equal(lstm(x)[0], plain(x)[0])
assert not caught and not torch.equal(first, second) and bool(raw.grad.abs().sum() > 0)
