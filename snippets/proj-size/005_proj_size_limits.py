import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size = 10, 20

# proj_size must be smaller than hidden_size.
try:
    nn.LSTM(input_size, hidden_size, proj_size=hidden_size)
except ValueError as error:
    too_large = str(error)
    print(error)

# proj_size=0 (the default) means no projection: no weight_hr_l0, h_n has hidden_size features.
lstm = nn.LSTM(input_size, hidden_size, proj_size=0)
names = [name for name, _ in lstm.named_parameters()]
print("proj_size=0 has weight_hr_l0:", "weight_hr_l0" in names)

# Only nn.LSTM has a projection.
try:
    nn.GRU(input_size, hidden_size, proj_size=8)
except ValueError as error:
    not_lstm = str(error)
    print(error)

assert "proj_size has to be smaller than hidden_size" in too_large
assert "weight_hr_l0" not in names
assert "proj_size argument is only supported for LSTM" in not_lstm
