import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_layers = 3, 5, 4, 6, 2
x = torch.randn(batch, seq_len, input_size)
options = dict(num_layers=num_layers, bidirectional=True, batch_first=True)

lstm = nn.LSTM(input_size, hidden_size, **options)
output, (h_n, c_n) = lstm(x)
print("nn.LSTM: output", tuple(output.shape), " h_n", tuple(h_n.shape), " c_n", tuple(c_n.shape))

for kind in (nn.GRU, nn.RNN):
    rnn = kind(input_size, hidden_size, **options)
    output, h_n = rnn(x)  # no c_n
    print(f"nn.{kind.__name__}:  output", tuple(output.shape), " h_n", tuple(h_n.shape))
    # The LSTM's rules: rows are (layer, direction), the top layer last, forward before backward;
    # the forward direction ends at the last step of output, the backward one at step 0.
    top = h_n.view(num_layers, 2, batch, hidden_size)[-1]
    summary = torch.cat([top[0], top[1]], dim=1)
    ends = torch.cat([output[:, -1, :hidden_size], output[:, 0, hidden_size:]], dim=1)
    print("  top forward and backward ends:", torch.equal(summary, ends))
    h_0 = torch.zeros(2 * num_layers, batch, hidden_size)
    print("  h_0 alone as the initial state:", tuple(rnn(x, h_0)[1].shape))
    assert torch.equal(summary, ends)
