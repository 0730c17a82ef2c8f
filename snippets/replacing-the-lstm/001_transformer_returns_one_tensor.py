import warnings

import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 5, 8, 6
x = torch.randn(batch, seq_len, input_size)

lstm = nn.LSTM(input_size, hidden_size, num_layers=2, batch_first=True)
output, (h_n, c_n) = lstm(x)
print("nn.LSTM:              output", tuple(output.shape), " h_n", tuple(h_n.shape))

# batch_first belongs to the layer; d_model is the feature size in and out (input_size here).
layer = nn.TransformerEncoderLayer(
    d_model=input_size, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True
)
encoder = nn.TransformerEncoder(layer, num_layers=2)
result = encoder(x)
print("nn.TransformerEncoder:", type(result).__name__, tuple(result.shape), "(no state)")

try:
    output, (h_n, c_n) = encoder(x)
except ValueError as error:
    print(f"output, (h_n, c_n) = encoder(x) -> {type(error).__name__}: {error}")

# The layer's default is batch_first=False: (seq_len, batch, d_model). The encoder says so once.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    time_major = nn.TransformerEncoder(nn.TransformerEncoderLayer(input_size, nhead=2), 2)
print("warning:", caught[0].message)
print("batch_first=False:", tuple(time_major(x.transpose(0, 1)).shape))
assert type(result) is torch.Tensor and result.shape == (batch, seq_len, input_size)
assert len(caught) == 1
