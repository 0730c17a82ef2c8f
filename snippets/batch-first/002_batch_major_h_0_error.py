import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)

# Wrong: an initial state laid out batch first, like x.
h_0_batch_first = torch.randn(batch, num_layers, hidden_size)
c_0_batch_first = torch.randn(batch, num_layers, hidden_size)
try:
    lstm(x, (h_0_batch_first, c_0_batch_first))
except RuntimeError as error:
    print("RuntimeError:", error)
    assert "Expected hidden[0] size (2, 3, 20), got [3, 2, 20]" in str(error)
else:
    raise AssertionError("a batch-first h_0 was accepted")

# Right: (num_layers, batch, hidden_size), whatever batch_first says. The transpose is a view
# that is not contiguous with 2 layers; .contiguous() copies it, as cuDNN requires on a GPU.
print(
    "h_0_batch_first.transpose(0, 1) contiguous:", h_0_batch_first.transpose(0, 1).is_contiguous()
)
h_0 = h_0_batch_first.transpose(0, 1).contiguous()
c_0 = c_0_batch_first.transpose(0, 1).contiguous()
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("h_0:", tuple(h_0.shape), "-> h_n:", tuple(h_n.shape))
assert h_n.shape == h_0.shape == (num_layers, batch, hidden_size)
assert not h_0_batch_first.transpose(0, 1).is_contiguous() and h_0.is_contiguous()
