import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 7, 20, 2
# Every size is a different number, so each measured shape reads back as names.
names = {5: "seq_len", 3: "batch", 7: "input_size", 20: "hidden_size", 2: "num_layers"}


def named(tensor):
    return "(" + ", ".join(names[size] for size in tensor.shape) + ")"


lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)
print("| Tensor | Shape | What it is |")
print("|---|---|---|")
print(f"| `x` | `{named(x)}` | the input, one vector per step |")
print(f"| `output` | `{named(output)}` | hidden states, every step |")
print(f"| `h_n` | `{named(h_n)}` | final hidden states |")
print(f"| `c_n` | `{named(c_n)}` | final cell states |")
assert output.shape == (seq_len, batch, hidden_size)
assert h_n.shape == c_n.shape == (num_layers, batch, hidden_size)
