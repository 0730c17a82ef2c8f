import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size = 5, 10, 20

time_first = nn.LSTM(input_size, hidden_size, batch_first=False)
batch_first = nn.LSTM(input_size, hidden_size, batch_first=True)
batch_first.load_state_dict(time_first.state_dict())  # the same weights
x = torch.randn(seq_len, input_size)  # still (seq_len, input_size) with batch_first=True

output, (h_n, c_n) = time_first(x)
output_bf, (h_n_bf, c_n_bf) = batch_first(x)
same = torch.equal(output, output_bf) and torch.equal(h_n, h_n_bf) and torch.equal(c_n, c_n_bf)
print("batch_first=True output:", tuple(output_bf.shape))  # (seq_len, hidden_size)
print("same output and state as batch_first=False:", same)
assert output_bf.shape == (seq_len, hidden_size) and same
