import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lengths = torch.tensor([5, 3, 2])
batch = len(lengths)

lstm = nn.LSTM(input_size, hidden_size)
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
x = pad_sequence(sequences)  # (longest length, batch, input_size)
packed_output, (h_n, c_n) = lstm(pack_padded_sequence(x, lengths))
padded_output, _ = pad_packed_sequence(packed_output)
last_valid = padded_output[lengths - 1, torch.arange(batch)]
alone = torch.stack([lstm(sequence)[1][0][-1] for sequence in sequences])  # each run alone

# (you want, take, its value, its shape in this page's symbols): the printed formula is checked.
longest = int(lengths.max())
rows = [
    (
        "each sequence's last valid state",
        "`h_n[-1]` of the packed run",
        h_n[-1],
        "(batch, hidden_size)",
    ),
    (
        "every valid step",
        "`pad_packed_sequence(packed_output)`",
        padded_output,
        "(longest, batch, hidden_size)",
    ),
    (
        "the last valid step from padded `output`",
        "`output[lengths - 1, torch.arange(batch)]`",
        last_valid,
        "(batch, hidden_size)",
    ),
]
for _, _, value, formula in rows:
    assert value.shape == eval(formula), formula
assert torch.allclose(h_n[-1], alone, atol=1e-6)  # the last valid state: as if run alone
assert torch.allclose(last_valid, alone, atol=1e-6)
for i, length in enumerate(lengths.tolist()):  # every valid step, zeros after the end
    assert torch.allclose(padded_output[:length, i], lstm(sequences[i])[0], atol=1e-6)
    assert not padded_output[length:, i].any()

print("| You want | Take | Shape |")
print("|---|---|---|")
for want, take, _, formula in rows:
    print(f"| {want} | {take} | `{formula}` |")
print("\n`longest` is the longest length in the batch. Each shape, and that each value is the one")
print("of the sequence run alone, was checked against torch while this page was built.")
