import torch
from torch import nn

torch.manual_seed(0)
batch, input_size, hidden_size = 3, 10, 20

# A batch of single-step samples, (batch, input_size): which unsqueeze makes it a batch of 3
# sequences of one step depends on where the LSTM reads the batch.
samples = torch.randn(batch, input_size)
for batch_first in (False, True):
    lstm = nn.LSTM(input_size, hidden_size, batch_first=batch_first)
    for dim in (0, 1):
        x = samples.unsqueeze(dim)
        output, (h_n, c_n) = lstm(x)
        right = h_n.shape == (1, batch, hidden_size)
        reading = "a batch of 3 one-step sequences" if right else "ONE sequence of 3 steps"
        print(
            f"batch_first={batch_first!s:<5}  unsqueeze({dim}) -> h_n {tuple(h_n.shape)}:", reading
        )
        assert right == (dim == (1 if batch_first else 0))

# A batch of sequences of one number per step, stored (batch, seq_len): unsqueeze(-1) gives
# (batch, seq_len, 1), which is right only when the LSTM reads the batch first.
seq_len = 7
numbers = torch.randn(batch, seq_len)
for batch_first in (False, True):
    lstm = nn.LSTM(1, hidden_size, batch_first=batch_first)
    output, (h_n, c_n) = lstm(numbers.unsqueeze(-1))
    right = h_n.shape == (1, batch, hidden_size)
    reading = "3 sequences of 7 steps" if right else "7 sequences of 3 steps"
    print(f"batch_first={batch_first!s:<5}  unsqueeze(-1) -> h_n {tuple(h_n.shape)}:", reading)
    assert right == batch_first
# With the time first, transpose first: (seq_len, batch, 1).
output, (h_n, c_n) = nn.LSTM(1, hidden_size)(numbers.T.unsqueeze(-1))
print("batch_first=False  numbers.T.unsqueeze(-1) -> h_n", tuple(h_n.shape), "(time first)")
assert h_n.shape == (1, batch, hidden_size)
