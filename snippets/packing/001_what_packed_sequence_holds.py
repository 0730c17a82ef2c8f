import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size = 4
lengths = torch.tensor([2, 5, 3])  # not sorted
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
packed = pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=False)

print("a named tuple of:", PackedSequence._fields)
print("data:", tuple(packed.data.shape), "= (sum of lengths, input_size)")
print(
    "batch_sizes:", packed.batch_sizes.tolist(), packed.batch_sizes.dtype, packed.batch_sizes.device
)
print("sorted_indices:  ", packed.sorted_indices.tolist(), "(longest first)")
print("unsorted_indices:", packed.unsorted_indices.tolist(), "(its inverse)")
assert PackedSequence._fields == ("data", "batch_sizes", "sorted_indices", "unsorted_indices")
assert packed.data.shape == (int(lengths.sum()), input_size)
assert packed.batch_sizes.tolist() == [3, 3, 2, 1, 1]
assert packed.batch_sizes.dtype == torch.int64 and packed.batch_sizes.device.type == "cpu"
assert packed.sorted_indices.tolist() == [1, 2, 0]
assert torch.equal(packed.sorted_indices[packed.unsorted_indices], torch.arange(3))

# data is time-major: step 0 of every sequence (longest first), then step 1, and so on.
first_step = torch.stack([sequences[i][0] for i in packed.sorted_indices.tolist()])
print(
    "data[:3] is step 0 of sequences",
    packed.sorted_indices.tolist(),
    ":",
    torch.equal(packed.data[:3], first_step),
)
assert torch.equal(packed.data[:3], first_step)

# With sorted lengths and the default enforce_sorted=True, there are no indices.
in_order = pack_padded_sequence(pad_sequence(sequences[1:] + sequences[:1]), [5, 3, 2])
print("enforce_sorted=True:", in_order.sorted_indices, in_order.unsorted_indices)
assert in_order.sorted_indices is None and in_order.unsorted_indices is None
