import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size = 10, 20

lstm = nn.LSTM(input_size, hidden_size)

# Every weight and bias starts uniform in (-1/sqrt(hidden_size), 1/sqrt(hidden_size)),
# the forget gate's biases included: no forget bias of 1 by default.
bound = hidden_size**-0.5
within = all(bool(parameter.abs().max() <= bound) for parameter in lstm.parameters())
print("every parameter within 1/sqrt(hidden_size) of 0:", within)

# To start the forget gate at bias 1, set its slice (the second quarter) of ONE bias to 1
# and of the other to 0: the gate uses their sum.
forget = slice(hidden_size, 2 * hidden_size)
with torch.no_grad():
    lstm.bias_ih_l0[forget] = 1.0
    lstm.bias_hh_l0[forget] = 0.0
forget_bias = (lstm.bias_ih_l0 + lstm.bias_hh_l0)[forget]
print("forget-gate bias (sum of both) is now 1:", bool((forget_bias == 1).all()))
assert within
assert (forget_bias == 1).all()
