import torch
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
batch, seq_len, input_size = 3, 5, 4

x = torch.randn(batch, seq_len, input_size)
mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 1, 0, 0, 0]])
lengths = mask.sum(dim=1, keepdim=True)  # keepdim: shape (3, 1), not (3,)
try:
    pack_padded_sequence(x, lengths, batch_first=True)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "'lengths' argument should be a 1D CPU int64 tensor, but got 2D" in message

# Fix: one length per sequence, a 1-D tensor (or a plain list).
lengths = mask.sum(dim=1)
packed = pack_padded_sequence(x, lengths, batch_first=True)
print("lengths:", tuple(lengths.shape), lengths.tolist(), "-> steps packed:", packed.data.size(0))
assert packed.data.size(0) == sum(lengths.tolist())

# Float lengths are not refused: they are cast to int64, which truncates 4.7 to 4.
packed = pack_padded_sequence(x, torch.tensor([4.7, 3.0, 2.0]), batch_first=True)
print(
    "float lengths [4.7, 3.0, 2.0] accepted, longest packed as", packed.batch_sizes.size(0), "steps"
)
assert packed.batch_sizes.size(0) == 4
