import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
sequences = [torch.randn(length, 4) for length in (5, 3, 2)]
x = pad_sequence(sequences)
lengths = torch.tensor([5, 3, 2])

# A "meta" tensor stands in for a GPU tensor: it is on another device than the CPU.
try:
    pack_padded_sequence(x, lengths.to("meta"))
except RuntimeError as error:
    print("lengths on meta ->", error)
    assert "'lengths' argument should be a 1D CPU int64 tensor" in str(error)

# The fixes: lengths on the CPU, or a plain list.
for fix in (lengths.cpu(), lengths.tolist()):
    packed = pack_padded_sequence(x, fix)
    print(f"lengths as {type(fix).__name__}: packs, batch_sizes on", packed.batch_sizes.device)
    assert packed.batch_sizes.device.type == "cpu"
