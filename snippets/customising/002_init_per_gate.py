import warnings

import torch
from torch import nn

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
torch.manual_seed(0)
input_size, hidden_size, num_layers, proj_size = 4, 6, 2, 3
lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True, proj_size=proj_size)

# weight_ih_l{k}{_reverse} and weight_hh_l{k}{_reverse} stack four blocks of hidden_size
# rows, in gate order i, f, g, o; the biases stack the same four blocks.
forget = slice(hidden_size, 2 * hidden_size)
for name, parameter in lstm.named_parameters():
    with torch.no_grad():
        if name.startswith("weight_hh"):
            for block in parameter.chunk(4):  # views: orthogonal_ writes into the parameter
                nn.init.orthogonal_(block)
        elif name.startswith("weight_ih"):
            for block in parameter.chunk(4):
                nn.init.xavier_uniform_(block)
        elif name.startswith("weight_hr"):  # the projection: one matrix, no gates
            nn.init.orthogonal_(parameter)
        elif name.startswith("bias_ih"):
            parameter.zero_()
            parameter[forget] = 1.0  # the gate adds bias_ih and bias_hh: set one...
        elif name.startswith("bias_hh"):
            parameter.zero_()  # ...and zero the other

for name, parameter in lstm.named_parameters():
    if name.endswith("_l1_reverse"):
        print(f"{name:22s} {tuple(parameter.shape)}")
print("... the same names for _l0, _l0_reverse and _l1")

# With proj_size each weight_hh block is (hidden_size, proj_size): its columns are orthonormal.
blocks = [b for n, p in lstm.named_parameters() if n.startswith("weight_hh") for b in p.chunk(4)]
orthogonal = all(torch.allclose(b.T @ b, torch.eye(proj_size), atol=1e-5) for b in blocks)
suffixes = [n.removeprefix("bias_ih") for n, _ in lstm.named_parameters() if "bias_ih" in n]
biases = [getattr(lstm, f"bias_ih{s}") + getattr(lstm, f"bias_hh{s}") for s in suffixes]
forget_is_one = all(bool((b[forget] == 1).all()) for b in biases)
others_zero = all(int(b.count_nonzero()) == hidden_size for b in biases)
print(f"all {len(blocks)} weight_hh gate blocks orthogonal:", orthogonal)
print(f"forget bias 1 in all {len(suffixes)} layers and directions:", forget_is_one)
print("the other gates' biases are 0:", others_zero)
assert len(blocks) == 4 * 2 * num_layers and orthogonal and forget_is_one and others_zero
