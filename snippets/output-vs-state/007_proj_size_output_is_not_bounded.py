import warnings

import torch
from torch import nn

torch.manual_seed(0)
# On CPUs with oneDNN, torch warns that proj_size uses its default kernel (results are unaffected).
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
seq_len, batch, input_size, hidden_size, proj_size = 5, 3, 10, 20, 8
x = 3 * torch.randn(seq_len, batch, input_size)

# Without a projection, h_t = o_t * tanh(c_t): every entry of output lies in [-1, 1].
plain = nn.LSTM(input_size, hidden_size)
output, (h_n, c_n) = plain(x)
print("no proj_size:  every |output| < 1:", bool(output.abs().max() < 1))
assert output.abs().max() < 1

# With proj_size, h_t = W_hr (o_t * tanh(c_t)): a weighted sum of up to hidden_size such entries.
# Its bound is the largest row sum of |W_hr|, and a trained W_hr can have any size; here its
# entries are drawn from a standard normal instead of the small default initialisation.
projected = nn.LSTM(input_size, hidden_size, proj_size=proj_size)
nn.init.normal_(projected.weight_hr_l0)
output, (h_n, c_n) = projected(x)
bound = projected.weight_hr_l0.abs().sum(dim=1).max()
print("proj_size=8:   every |output| < 1:", bool(output.abs().max() < 1))
print("proj_size=8:   |output| within the row sums of |W_hr|:", bool(output.abs().max() <= bound))
assert output.abs().max() > 1
assert output.abs().max() <= bound
