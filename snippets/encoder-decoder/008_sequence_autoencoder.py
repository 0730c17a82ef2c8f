import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 5, 4, 6
encoder = nn.LSTM(input_size, hidden_size, batch_first=True)
decoder = nn.LSTM(hidden_size, hidden_size, batch_first=True)
head = nn.Linear(hidden_size, input_size)
x = torch.randn(batch, seq_len, input_size)
_, (h_n, _) = encoder(x)
code = h_n[-1]  # (batch, hidden_size): one vector per sequence
print("code:", tuple(code.shape))

# The decoder reads the code at every step: (batch, seq_len, hidden_size) for batch_first.
expanded = code.unsqueeze(1).expand(-1, seq_len, -1)  # a view: no copy
repeated = code.unsqueeze(1).repeat(1, seq_len, 1)  # a copy
print(
    "expand:",
    tuple(expanded.shape),
    "stride",
    expanded.stride(),
    "shares code's memory:",
    expanded.data_ptr() == code.data_ptr(),
)
print("repeat:", tuple(repeated.shape), "stride", repeated.stride())
print("same values:", torch.equal(expanded, repeated))
reconstruction = head(decoder(expanded)[0])
print("reconstruction:", tuple(reconstruction.shape), "= x:", tuple(x.shape))

# Time-major decoder (batch_first=False): the steps go first.
time_major = code.unsqueeze(0).expand(seq_len, -1, -1)  # (seq_len, batch, hidden_size)
print("batch_first=False layout:", tuple(time_major.shape))

# The silent version: repeat then view puts other sequences' codes at later steps.
wrong = code.repeat(seq_len, 1).view(batch, seq_len, hidden_size)
print(
    "code.repeat(seq_len, 1).view(batch, seq_len, H) same as expand:", torch.equal(wrong, expanded)
)
print("its sequence 0, step 1 is the code of sequence 1:", torch.equal(wrong[0, 1], code[1]))
right = code.repeat_interleave(seq_len, dim=0).view(batch, seq_len, hidden_size)
print("repeat_interleave(seq_len, dim=0).view(...) same as expand:", torch.equal(right, expanded))

assert expanded.stride()[1] == 0 and torch.equal(expanded, repeated)
assert reconstruction.shape == x.shape and time_major.shape == (seq_len, batch, hidden_size)
assert not torch.equal(wrong, expanded) and torch.equal(wrong[0, 1], code[1])
assert torch.equal(right, expanded)
