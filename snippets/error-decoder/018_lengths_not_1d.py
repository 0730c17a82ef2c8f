import torch
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
batch, seq_len, input_size = 3, 5, 4

x = torch.randn(batch, seq_len, input_size)
mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 1, 0, 0, 0]])

# The usual cause: lengths on the GPU, next to the data. There is no GPU here; a tensor on the
# "meta" device (shapes, no data) stands for one and gets the same check and message.
lengths = mask.sum(dim=1)
try:
    pack_padded_sequence(x, lengths.to("meta"), batch_first=True)
except RuntimeError as error:
    device_message = f"{type(error).__name__}: {error}"
print(device_message)
assert "'lengths' argument should be a 1D CPU int64 tensor, but got 1D meta Long tensor" in (
    device_message
)

# The other cause: lengths with a second dimension, here from keepdim=True: shape (3, 1).
try:
    pack_padded_sequence(x, mask.sum(dim=1, keepdim=True), batch_first=True)
except RuntimeError as error:
    shape_message = f"{type(error).__name__}: {error}"
print(shape_message)
assert "'lengths' argument should be a 1D CPU int64 tensor, but got 2D" in shape_message

# Fix: one length per sequence, 1-D and on the CPU: lengths.cpu() (which copies a GPU tensor's
# data; a meta tensor has none to copy, so the CPU lengths stand in), or a plain list.
for fixed in (lengths.cpu(), lengths.tolist()):
    packed = pack_padded_sequence(x, fixed, batch_first=True)
    print(type(fixed).__name__, "lengths -> steps packed:", packed.data.size(0))
    assert packed.data.size(0) == sum(lengths.tolist())

# Only the lengths must be on the CPU: the data may stay on its device.
packed = pack_padded_sequence(x.to("meta"), lengths.tolist(), batch_first=True)
print("data on", packed.data.device, "with list lengths -> packed:", tuple(packed.data.shape))
assert packed.data.device.type == "meta" and packed.data.shape == (10, input_size)

# Float lengths are not refused: they are cast to int64, which truncates 4.7 to 4.
packed = pack_padded_sequence(x, torch.tensor([4.7, 3.0, 2.0]), batch_first=True)
print(
    "float lengths [4.7, 3.0, 2.0] accepted, longest packed as", packed.batch_sizes.size(0), "steps"
)
assert packed.batch_sizes.size(0) == 4
