import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Move bias_hh into bias_ih: only the sum of the two biases matters.
one_bias = nn.LSTM(input_size, hidden_size)
one_bias.load_state_dict(lstm.state_dict())
with torch.no_grad():
    one_bias.bias_ih_l0 += one_bias.bias_hh_l0
    one_bias.bias_hh_l0.zero_()
one_bias_output, _ = one_bias(x)

# Without biases at all (bias=False), the module has only the two weight matrices.
no_bias = nn.LSTM(input_size, hidden_size, bias=False)
names = [name for name, _ in no_bias.named_parameters()]

same_output = torch.allclose(output, one_bias_output, atol=1e-6)
print("output within 1e-6 with bias_ih + bias_hh moved into bias_ih:", same_output)
print("bias=False parameters:", names)
assert same_output
assert names == ["weight_ih_l0", "weight_hh_l0"]
