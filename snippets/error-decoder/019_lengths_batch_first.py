import torch
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
batch, seq_len, input_size = 3, 5, 4

x = torch.randn(batch, seq_len, input_size)  # batch first
lengths = torch.tensor([5, 3, 2])
try:
    pack_padded_sequence(x, lengths)  # batch_first=False by default: reads dimension 1 as batch
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=5)" in message

# Fix: tell pack_padded_sequence the layout, as you told the LSTM.
packed = pack_padded_sequence(x, lengths, batch_first=True)
print("batch_first=True: sequences per step", packed.batch_sizes.tolist())
assert packed.batch_sizes.tolist() == [3, 3, 2, 1, 1]
