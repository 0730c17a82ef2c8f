import torch
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
batch, seq_len, input_size = 3, 5, 4

x = torch.randn(batch, seq_len, input_size)
lengths = torch.tensor([5, 3, 0])  # the last sequence is empty (all padding)
try:
    pack_padded_sequence(x, lengths, batch_first=True)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Length of all samples has to be greater than 0" in message

# Fix: drop the empty sequences before packing (an LSTM cannot summarize zero steps).
keep = lengths > 0
packed = pack_padded_sequence(x[keep], lengths[keep], batch_first=True)
print(
    "kept",
    int(keep.sum()),
    "of",
    batch,
    "sequences, sequences per step:",
    packed.batch_sizes.tolist(),
)
assert packed.batch_sizes.tolist() == [2, 2, 2, 1, 1]
