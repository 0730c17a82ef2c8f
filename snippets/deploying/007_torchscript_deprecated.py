import warnings

import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size, num_layers = 4, 6, 2


class Classifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, (h_n, c_n) = self.lstm(x)
        return self.head(h_n[-1])


model = Classifier().eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    scripted = torch.jit.script(model)
deprecations = sorted({str(w.message) for w in caught if w.category is DeprecationWarning})
print("torch.jit.script warns (DeprecationWarning):")
print("\n".join("  " + message for message in deprecations))
assert "`torch.jit.script` is deprecated. Please switch to `torch.compile` or `torch.export`." in (
    deprecations
)

x = torch.randn(7, 9, input_size)
with torch.no_grad():
    same = torch.equal(scripted(x), model(x))
print("a TorchScript module:", isinstance(scripted, torch.jit.ScriptModule))
print("batch 7, seq_len 9, equals eager:", same)
assert same
