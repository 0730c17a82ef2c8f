import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, p = 5, 3, 4, 6, 0.5
x = torch.randn(seq_len, batch, input_size)

# Old weight-dropout code: the dropped weight assigned in place of the parameter.
lstm = nn.LSTM(input_size, hidden_size, num_layers=2, bidirectional=True)
for name in ("weight_hh_l0", "weight_hh_l1_reverse"):
    try:
        setattr(lstm, name, F.dropout(getattr(lstm, name), p, training=True))
    except TypeError as error:
        message = f"{type(error).__name__}: {error}"
    print(message)
    assert f"as parameter '{name}' (torch.nn.Parameter or None expected)" in message


# Fix: a parametrization computes the weight the LSTM sees from the raw one, at every call.
class DropConnect(nn.Module):
    def forward(self, weight):
        return F.dropout(weight, p, self.training)


parametrize.register_parametrization(lstm, "weight_hh_l0", DropConnect())
output, _ = lstm(x)
output.sum().backward()
raw = lstm.parametrizations.weight_hh_l0.original
print("parametrized: gradient reaches the raw weight:", bool(raw.grad.abs().sum() > 0))
assert raw.grad.abs().sum() > 0
