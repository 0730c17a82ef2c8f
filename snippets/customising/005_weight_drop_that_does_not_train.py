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

# 3. Overwrite .data each call: runs, and every call zeroes more of the weight for good.
lstm = nn.LSTM(input_size, hidden_size)
for step in range(3):
    lstm.weight_hh_l0.data = F.dropout(lstm.weight_hh_l0.data, p, training=True)
    lstm(x)
    zeros = int((lstm.weight_hh_l0 == 0).sum())
    print(f"3. after call {step + 1}: {zeros} of {lstm.weight_hh_l0.numel()} weights are 0")
assert raw.grad is None and zeros > lstm.weight_hh_l0.numel() // 2
