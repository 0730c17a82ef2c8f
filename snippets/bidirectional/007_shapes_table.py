import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20
H = hidden_size

# (tensor, its shape in this page's symbols, what it holds): the printed formula is the one checked.
rows = [
    (
        "output",
        "(seq_len, batch, 2 * H)",
        "top layer, every step; `[..., :H]` forward, `[..., H:]` backward",
    ),
    (
        "h_n`, `c_n",
        "(2 * num_layers, batch, H)",
        "row `2 * k` is layer `k` forward, row `2 * k + 1` layer `k` backward",
    ),
    (
        "h_n.view(num_layers, 2, batch, H)",
        "(num_layers, 2, batch, H)",
        "`[layer, direction]`, direction 0 forward, 1 backward",
    ),
    (
        "torch.cat([h_n[-2], h_n[-1]], dim=1)",
        "(batch, 2 * H)",
        "the top layer's summary of the whole sequence, both directions",
    ),
]
for num_layers in (1, 2, 3):
    lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
    output, (h_n, c_n) = lstm(torch.randn(seq_len, batch, input_size))
    by_layer = h_n.view(num_layers, 2, batch, H)
    summary = torch.cat([h_n[-2], h_n[-1]], dim=1)
    shapes = [output.shape, h_n.shape, by_layer.shape, summary.shape]
    assert shapes == [eval(formula) for _, formula, _ in rows] and c_n.shape == h_n.shape
    # What each holds, for the top layer: forward ends at the last step, backward at the first.
    assert torch.equal(by_layer[-1, 0], output[-1, :, :H]) and torch.equal(h_n[-2], by_layer[-1, 0])
    assert torch.equal(by_layer[-1, 1], output[0, :, H:]) and torch.equal(h_n[-1], by_layer[-1, 1])
    assert torch.equal(summary, torch.cat([output[-1, :, :H], output[0, :, H:]], dim=1))

print("| Tensor | Shape | Holds |")
print("|---|---|---|")
for name, formula, holds in rows:
    print(f"| `{name}` | `{formula}` | {holds} |")
print("\nEach shape and what it holds was checked against torch with 1, 2 and 3 layers.")
