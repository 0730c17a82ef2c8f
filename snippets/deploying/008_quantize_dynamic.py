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
    quantized = torch.ao.quantization.quantize_dynamic(model, {nn.LSTM, nn.Linear}, torch.qint8)
for name in ("lstm", "head"):
    module = type(getattr(quantized, name))
    print(f"{name}: {module.__module__}.{module.__name__}")
assert isinstance(quantized.lstm, torch.ao.nn.quantized.dynamic.LSTM)

# The deprecation notice, and where it sends you (its first two lines).
notices = [str(w.message) for w in caught if w.category is DeprecationWarning]
print("DeprecationWarning:")
print("\n".join("  " + line.strip() for line in notices[0].splitlines()[:3]))
assert "torch.ao.quantization is deprecated" in notices[0]
assert "torchao eager mode quantize_ API" in notices[0]

x = torch.randn(3, 7, input_size)
with torch.no_grad():
    output, (h_n, c_n) = model.lstm(x)
    q_output, (q_h_n, q_c_n) = quantized.lstm(x)
    difference = (quantized(x) - model(x)).abs().max().item()
print("output:", tuple(q_output.shape), " h_n:", tuple(q_h_n.shape), " c_n:", tuple(q_c_n.shape))
print("shapes unchanged:", q_output.shape == output.shape and q_h_n.shape == h_n.shape)
print(f"max |quantized - float| of the logits: {difference:.3f}")
print("below 0.05:", difference < 0.05)
assert q_output.shape == output.shape and q_h_n.shape == h_n.shape and q_c_n.shape == c_n.shape
assert 0 < difference < 0.05  # close, but not equal: the weights are int8 now
