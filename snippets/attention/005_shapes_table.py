import itertools

import torch
from torch import nn

torch.manual_seed(0)
input_size = 4
shapes = {  # printed below, and asserted against torch first
    "`output`": "(batch, seq_len, hidden_size)",
    "scores, weights, `mask`": "(batch, seq_len)",
    "pooled vector (context)": "(batch, hidden_size)",
}
grid = list(itertools.product((1, 3), (1, 5), (6, 16)))  # batch, seq_len, hidden_size
for batch, seq_len, hidden_size in grid:
    lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
    score = nn.Linear(hidden_size, 1)  # one score per step
    lengths = torch.randint(1, seq_len + 1, (batch,))
    output, _ = lstm(torch.randn(batch, seq_len, input_size))
    mask = torch.arange(seq_len) < lengths[:, None]  # True on real steps
    scores = score(output).squeeze(-1).masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=1)  # over the steps
    context = torch.bmm(weights.unsqueeze(1), output).squeeze(1)  # the weighted sum
    assert output.shape == eval(shapes["`output`"])
    assert scores.shape == weights.shape == mask.shape == eval(shapes["scores, weights, `mask`"])
    assert context.shape == eval(shapes["pooled vector (context)"])

print("| Tensor | Shape (`batch_first=True`) |\n|---|---|")
for name, formula in shapes.items():
    print(f"| {name} | `{formula}` |")
print(f"\nChecked against torch on {len(grid)} configurations at build.")
