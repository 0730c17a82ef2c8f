import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)  # batch first
output, (h_n, c_n) = lstm(x)

print("input: ", tuple(x.shape))  # (batch, seq_len, input_size)
print("output:", tuple(output.shape))  # (batch, seq_len, hidden_size)
print("h_n:   ", tuple(h_n.shape))  # (num_layers, batch, hidden_size): NOT batch first
print("c_n:   ", tuple(c_n.shape))  # (num_layers, batch, hidden_size): NOT batch first
assert output.shape == (batch, seq_len, hidden_size)
assert h_n.shape == c_n.shape == (num_layers, batch, hidden_size)

# The same weights with batch_first=False, fed the same data laid out time first.
time_first = nn.LSTM(input_size, hidden_size, num_layers, batch_first=False)
time_first.load_state_dict(lstm.state_dict())
output_tf, (h_n_tf, c_n_tf) = time_first(x.transpose(0, 1))

same_output = torch.allclose(output, output_tf.transpose(0, 1), atol=1e-6)
same_state = torch.allclose(h_n, h_n_tf, atol=1e-6) and torch.allclose(c_n, c_n_tf, atol=1e-6)
print("output equals the time-first output, transposed:", same_output)
print("h_n and c_n equal the time-first ones, as they are:", same_state)
assert same_output and same_state
