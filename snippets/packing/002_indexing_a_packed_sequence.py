import torch
from torch.nn.utils.rnn import pack_sequence

torch.manual_seed(0)
sequences = [torch.randn(5, 4), torch.randn(3, 4), torch.randn(2, 4)]
packed = pack_sequence(sequences)

# A PackedSequence is a tuple: an integer index picks a field, not a sequence or a step.
print("packed[0] is packed.data:", packed[0] is packed.data)
print("packed[1] is packed.batch_sizes:", packed[1] is packed.batch_sizes)
assert packed[0] is packed.data and packed[1] is packed.batch_sizes

# Tensor-style indexing and tensor attributes fail.
try:
    packed[:, -1]
except TypeError as error:
    print("packed[:, -1] ->", type(error).__name__ + ":", error)
    assert "tuple indices must be integers or slices" in str(error)
try:
    print(packed.shape)
except AttributeError as error:
    print("packed.shape ->", type(error).__name__ + ":", error)
    assert "has no attribute 'shape'" in str(error)
