import torch
from torch.nn.utils.rnn import (
    PackedSequence,
    pack_padded_sequence,
    pack_sequence,
    pad_packed_sequence,
    pad_sequence,
    unpack_sequence,
    unpad_sequence,
)

torch.manual_seed(0)
LIST = "list of `(length, input_size)`"
PADDED = "padded `(seq_len, batch, input_size)`"
PACKED = "`PackedSequence`, `data` `(sum(lengths), input_size)`"
LENGTHS = "`lengths` `(batch,)`"
FUNCTIONS = [pad_sequence, pack_padded_sequence, pack_sequence, pad_packed_sequence]
FUNCTIONS += [unpad_sequence, unpack_sequence]  # what the calls below may name
rows = [  # (call, from, to): each call runs as written; what it takes and returns is checked
    ("pad_sequence(sequences)", LIST, [PADDED]),
    ("pack_padded_sequence(padded, lengths, enforce_sorted=False)", PADDED, [PACKED]),
    ("pack_sequence(sequences, enforce_sorted=False)", LIST, [PACKED]),
    ("pad_packed_sequence(packed)", PACKED, [PADDED, LENGTHS]),
    ("unpad_sequence(padded, lengths)", PADDED, [LIST + ", in your order"]),
    ("unpack_sequence(packed)", PACKED, [LIST + ", in your order"]),
]


def check(value, description, sequences, lengths):
    """Assert that a value is what its table cell says: its type, its shape, its order."""
    sizes = dict(batch=len(sequences), seq_len=max(lengths), input_size=sequences[0].shape[1])
    shape = description.rsplit("`", 2)[-2]  # the last backticked part: the formula
    if description.startswith("list"):
        expected = [eval(shape, sizes | {"length": n}) for n in lengths]
        assert [t.shape for t in value] == expected
        assert all(map(torch.equal, value, sequences))  # the same tensors, in your order
    elif description.startswith("`PackedSequence`"):
        assert isinstance(value, PackedSequence)
        assert value.data.shape == eval(shape, sizes | {"lengths": lengths})
    else:  # a padded tensor, or the lengths
        assert value.shape == eval(shape, sizes)
    if description == LENGTHS:
        assert value.tolist() == lengths  # in your order


batches = [((2, 5, 3), 4), ((4,), 1), ((3, 3, 1, 2), 7), ((1, 6), 2)]  # (lengths, input_size)
checked = 0
for lengths_in_order, input_size in batches:
    sequences = [torch.randn(n, input_size) for n in lengths_in_order]
    lengths = torch.tensor(lengths_in_order)
    padded = pad_sequence(sequences)
    packed = pack_sequence(sequences, enforce_sorted=False)
    inputs = {LIST: sequences, PADDED: padded, PACKED: packed}
    names = {f.__name__: f for f in FUNCTIONS} | dict(
        sequences=sequences, padded=padded, packed=packed, lengths=lengths
    )
    for call, given, returns in rows:
        check(inputs[given], given, sequences, list(lengths_in_order))
        returned = eval(call, names)
        returned = returned if len(returns) > 1 else [returned]
        for value, description in zip(returned, returns, strict=True):
            check(value, description, sequences, list(lengths_in_order))
            checked += 1

print("| Call | From | To |\n|---|---|---|")
for call, given, returns in rows:
    print(f"| `{call}` | {given} | " + " and ".join(returns) + " |")
print(f"\nChecked against torch on {len(batches)} batches ({checked} results) at build.")
