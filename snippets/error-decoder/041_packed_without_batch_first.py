import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)


def batch_of(lengths):
    sequences = [torch.randn(n, input_size) for n in lengths]
    return sequences, pad_sequence(sequences, batch_first=True), torch.tensor(lengths)


def as_alone(h_n, sequences):
    """Each sequence's h_n in the batch against the LSTM run on that sequence alone."""
    alone = [lstm(seq.unsqueeze(0))[1][0][:, 0] for seq in sequences]
    return all(torch.allclose(h_n[:, i], h, atol=1e-6) for i, h in enumerate(alone))


def run(lengths, **flags):
    sequences, x, lengths = batch_of(lengths)  # x: (batch, seq_len, input_size)
    try:
        _, (h_n, _) = lstm(pack_padded_sequence(x, lengths, enforce_sorted=False, **flags))
    except RuntimeError as error:
        return f"{type(error).__name__}: {error}"
    return f"runs; every h_n as its sequence alone: {as_alone(h_n, sequences)}"


# pack_padded_sequence without batch_first=True reads (batch, seq_len) as (seq_len, batch).
longer = run([5, 3, 2])  # a length above the batch size (3): the LSTM fails
wider = run([3, 3, 2, 1])  # a batch (4) above the padded seq_len (3): packing fails
square = run([3, 2, 2])  # longest length == batch == seq_len (3): no error, wrong h_n
print("lengths 5, 3, 2:   ", longer)
print("lengths 3, 3, 2, 1:", wider)
print("lengths 3, 2, 2:   ", square)
assert longer == "RuntimeError: start (8) + length (1) exceeds dimension size (8)."
assert wider.startswith("RuntimeError: INDICES element is out of DATA bounds")
assert square.endswith("False")

# Fix: batch_first=True in pack_padded_sequence too.
for lengths in ([5, 3, 2], [3, 3, 2, 1], [3, 2, 2]):
    fixed = run(lengths, batch_first=True)
    print(f"batch_first=True, lengths {lengths}:", fixed)
    assert fixed.endswith("True")
