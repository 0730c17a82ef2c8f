import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6
lstm = nn.LSTM(input_size, hidden_size)
first_chunk = torch.randn(seq_len, batch, input_size)
second_chunk = torch.randn(seq_len, batch, input_size)

# Two calls on the same input: the module remembered nothing from the first.
output_a, _ = lstm(first_chunk)
output_b, _ = lstm(first_chunk)
print("same output on a second call:", torch.equal(output_a, output_b))
assert torch.equal(output_a, output_b)

# A "stateful" model carries (h, c) itself, from one call to the next.
whole, _ = lstm(torch.cat([first_chunk, second_chunk]))  # one pass over 10 steps
_, state = lstm(first_chunk)
forgetting, _ = lstm(second_chunk)  # starts from zeros again
carrying, _ = lstm(second_chunk, state)  # starts where the first chunk ended
close = torch.allclose(carrying, whole[seq_len:], atol=1e-6)
print(
    "second chunk without the state, close to steps 5-9 of one pass:",
    torch.allclose(forgetting, whole[seq_len:], atol=1e-6),
)
print("second chunk with the carried state, close to steps 5-9 of one pass:", close)
assert close and not torch.allclose(forgetting, whole[seq_len:], atol=1e-6)
