import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, p = 5, 3, 4, 6, 0.5
x = torch.randn(seq_len, batch, input_size)

# 1. Assign the dropped weight in place of the parameter: refused.
lstm = nn.LSTM(input_size, hidden_size)
try:
    lstm.weight_hh_l0 = F.dropout(lstm.weight_hh_l0, p, training=True)
except TypeError as error:
    print(f"1. {type(error).__name__}: {error}")

# 2. Wrap it in a new nn.Parameter: runs, but the raw weight (the one an optimizer built
#    before holds) is cut off from the graph.
lstm = nn.LSTM(input_size, hidden_size)
raw = lstm.weight_hh_l0
lstm.weight_hh_l0 = nn.Parameter(F.dropout(raw, p, training=True))
output, _ = lstm(x)
output.sum().backward()
print("2. runs; gradient on the raw weight:", raw.grad)

# 3. Overwrite .data each call: the weight gets a gradient, but the mask is never undone.
lstm = nn.LSTM(input_size, hidden_size)
weight, start = lstm.weight_hh_l0, lstm.weight_hh_l0.detach().clone()
for step in range(3):
    weight.data = F.dropout(weight.data, p, training=True)
    output, _ = lstm(x)
    output.sum().backward()
    kept = weight != 0
    scale = torch.unique(weight[kept] / start[kept]).tolist()
    print(f"3. call {step + 1}: gradient: {weight.grad is not None};", end=" ")
    print(f"{int((~kept).sum())} of {weight.numel()} weights 0, the others times {scale}")
assert raw.grad is None and weight.grad is not None
assert int((~kept).sum()) > weight.numel() // 2 and scale == [(1 / (1 - p)) ** 3]
