import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

# (tensor, its shape in this page's symbols, what it holds): the printed formula is the one checked.
rows = [
    ("`output`", "(seq_len, batch, hidden_size)", "top layer, every step"),
    (
        "`h_n`, `c_n`",
        "(num_layers, batch, hidden_size)",
        "every layer, last step; row 0 is the bottom",
    ),
    (
        "every layer, every step (build it yourself)",
        "(num_layers, seq_len, batch, hidden_size)",
        "see [below](#every-layer-at-every-step)",
    ),
]
for num_layers in (1, 2, 3):
    stacked = nn.LSTM(input_size, hidden_size, num_layers)
    x = torch.randn(seq_len, batch, input_size)
    output, (h_n, c_n) = stacked(x)
    # Every layer at every step: one single-layer LSTM per layer, with the stacked weights.
    layer_input, every_layer = x, []
    for k in range(num_layers):
        layer = nn.LSTM(layer_input.shape[-1], hidden_size)
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(layer, name + "_l0").data.copy_(getattr(stacked, f"{name}_l{k}"))
        layer_input, _ = layer(layer_input)
        every_layer.append(layer_input)
    every_layer = torch.stack(every_layer)
    assert output.shape == eval(rows[0][1]) and h_n.shape == c_n.shape == eval(rows[1][1])
    assert every_layer.shape == eval(rows[2][1])
    assert torch.allclose(every_layer[-1], output, atol=1e-6)  # top layer, every step
    assert torch.allclose(every_layer[:, -1], h_n, atol=1e-6)  # every layer, last step

print("| Tensor | Shape | Holds |")
print("|---|---|---|")
for name, formula, holds in rows:
    print(f"| {name} | `{formula}` | {holds} |")
print("\nEach shape and what it holds was checked against torch with 1, 2 and 3 layers.")
