import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_layers = 3, 5, 4, 6, 2
encoder = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True, batch_first=True)
decoder = nn.LSTM(input_size, 2 * hidden_size, num_layers, batch_first=True)
output, (h_n, c_n) = encoder(torch.randn(batch, seq_len, input_size))

# The silent version: the decoder's shape, reached without separating the directions.
wrong_h = h_n.view(num_layers, batch, 2 * hidden_size)
wrong_c = c_n.view(num_layers, batch, 2 * hidden_size)
dec_output, _ = decoder(torch.randn(batch, 4, input_size), (wrong_h, wrong_c))
print("wrong view:", tuple(wrong_h.shape), "-> decoder runs:", tuple(dec_output.shape))

# What it holds: row 0 of layer 0 is layer 0 forward of sequences 0 AND 1, side by side.
glued = torch.equal(wrong_h[0, 0], torch.cat([h_n[0, 0], h_n[0, 1]]))
print("wrong_h[0, 0] is [forward of sequence 0, forward of sequence 1]:", glued)

# The check that catches it: the top layer must be [forward at the last step, backward at step 0].
top = torch.cat([output[:, -1, :hidden_size], output[:, 0, hidden_size:]], dim=1)
print("wrong view passes the check:", torch.equal(wrong_h[-1], top))

# The fix: split (layer, direction) first, then join the directions.
split = h_n.view(num_layers, 2, batch, hidden_size)
h_0 = torch.cat([split[:, 0], split[:, 1]], dim=2)
print("split-then-cat passes the check:", torch.equal(h_0[-1], top))

# With one sequence in the batch the wrong view happens to be right: test with batch > 1.
_, (h_one, _) = encoder(torch.randn(1, seq_len, input_size))
one_split = h_one.view(num_layers, 2, 1, hidden_size)
same_for_one = torch.equal(
    h_one.view(num_layers, 1, 2 * hidden_size), torch.cat([one_split[:, 0], one_split[:, 1]], 2)
)
print("with batch = 1 the wrong view gives the right state:", same_for_one)
assert glued and not torch.equal(wrong_h[-1], top) and torch.equal(h_0[-1], top)
assert same_for_one
