import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6
lengths = torch.tensor([5, 3, 2])
lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(seq_len, batch, input_size)
for t in range(seq_len):
    x[t, lengths <= t] = 0.0  # zero padding after each sequence's end


def gradient_by_step(packed: bool) -> torch.Tensor:
    """Backward from a loss on h_n; True where a step's input got a gradient."""
    x_leaf = x.clone().requires_grad_()
    fed = pack_padded_sequence(x_leaf, lengths) if packed else x_leaf
    _, (h_n, _) = lstm(fed)
    h_n[-1].sum().backward()
    return x_leaf.grad.abs().sum(dim=-1) > 0  # (seq_len, batch)


padded = gradient_by_step(packed=False)
packed = gradient_by_step(packed=True)
real = torch.arange(seq_len)[:, None] < lengths  # (seq_len, batch): real steps
print("step 0 gets a gradient, every sequence:", padded[0].tolist())
print("gradient by step, padded (rows: steps, columns: sequences):")
print(padded.int())
print("gradient by step, packed:")
print(packed.int())
print("packed: gradient exactly on the real steps:", torch.equal(packed, real))
assert padded.all() and torch.equal(packed, real)
