import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 7, 20, 2
# Every size is a different number, so each measured shape reads back as names.
names = {5: "seq_len", 3: "batch", 7: "input_size", 20: "hidden_size", 2: "num_layers"}
names |= {40: "2 * hidden_size"}


def named(tensor):
    return "(" + ", ".join(names[size] for size in tensor.shape) + ")"


lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)
print("| Tensor | Shape | What it holds |")
print("|---|---|---|")
print(f"| `x` | `{named(x)}` | the input, one vector per step |")
print(f"| `output` | `{named(output)}` | the top layer's `h` at every step |")
print(f"| `h_n` | `{named(h_n)}` | every layer's `h` at the last step |")
print(f"| `c_n` | `{named(c_n)}` | every layer's cell state at the last step |")
print()
same = torch.equal(output[-1], h_n[-1])
print(f"`output[-1]` equals `h_n[-1]` (the top layer, last step): {same}")
assert same and output.shape == (seq_len, batch, hidden_size)
assert h_n.shape == c_n.shape == (num_layers, batch, hidden_size)
print()

# Which tensor each task takes.
bidirectional = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
_, (h_both, _) = bidirectional(x)
both_directions = torch.cat([h_both[-2], h_both[-1]], dim=1)
decoder = nn.LSTM(input_size, hidden_size, num_layers)
decoded, _ = decoder(torch.randn(4, batch, input_size), (h_n, c_n))  # the encoder's state
print("| Task | Take | Shape |")
print("|---|---|---|")
print(f"| classification | `h_n[-1]` | `{named(h_n[-1])}` |")
both = named(both_directions)
print(f"| ... bidirectional | `torch.cat([h_n[-2], h_n[-1]], dim=1)` | `{both}` |")
print(f"| tagging (a label per step) | `output` | `{named(output)}` |")
print(f"| seq2seq | encoder's `(h_n, c_n)` as the decoder's `(h_0, c_0)` | `{named(h_n)}` each |")
assert both_directions.shape == (batch, 2 * hidden_size)
assert decoded.shape == (4, batch, hidden_size)
