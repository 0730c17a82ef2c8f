import warnings

import torch
from torch import nn

torch.manual_seed(0)
# On CPUs with oneDNN, torch warns that proj_size uses its default kernel (shapes are unaffected).
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

# (arguments of nn.LSTM, batched input?) for each row of the table
configurations = [
    ({}, True),
    ({"num_layers": 2}, True),
    ({"bidirectional": True}, True),
    ({"bidirectional": True, "num_layers": 2}, True),
    ({"batch_first": True}, True),
    ({"batch_first": True, "bidirectional": True, "num_layers": 2}, True),
    ({"proj_size": 8}, True),
    ({"bidirectional": True, "num_layers": 2, "proj_size": 8}, True),
    ({}, False),
    ({"batch_first": True}, False),
    ({"bidirectional": True, "num_layers": 2, "proj_size": 8}, False),
]

print("| Configuration | `input` | `output` | `h_0` and `h_n` | `c_0` and `c_n` |")
print("|---|---|---|---|---|")
for options, batched in configurations:
    lstm = nn.LSTM(input_size, hidden_size, **options)
    num_layers = options.get("num_layers", 1)
    batch_first = options.get("batch_first", False)
    proj_size = options.get("proj_size", 0)
    D = 2 if options.get("bidirectional", False) else 1
    H_out = proj_size if proj_size > 0 else hidden_size

    # The shapes the formulas give, then a real run with (h_0, c_0) of the required shapes.
    if not batched:
        input_shape, output_shape = (seq_len, input_size), (seq_len, D * H_out)
        h_shape, c_shape = (D * num_layers, H_out), (D * num_layers, hidden_size)
    elif batch_first:
        input_shape, output_shape = (batch, seq_len, input_size), (batch, seq_len, D * H_out)
        h_shape, c_shape = (D * num_layers, batch, H_out), (D * num_layers, batch, hidden_size)
    else:
        input_shape, output_shape = (seq_len, batch, input_size), (seq_len, batch, D * H_out)
        h_shape, c_shape = (D * num_layers, batch, H_out), (D * num_layers, batch, hidden_size)
    x = torch.randn(input_shape)
    h_0, c_0 = torch.zeros(h_shape), torch.zeros(c_shape)
    output, (h_n, c_n) = lstm(x, (h_0, c_0))
    assert output.shape == output_shape
    assert h_n.shape == h_0.shape == h_shape
    assert c_n.shape == c_0.shape == c_shape

    words = [f"`{name}={value}`" for name, value in options.items()]
    words = (words if batched else ["unbatched", *words]) or ["default"]
    shapes = [tuple(x.shape), tuple(output.shape), tuple(h_n.shape), tuple(c_n.shape)]
    print(f"| {', '.join(words)} | " + " | ".join(f"`{shape}`" for shape in shapes) + " |")
