import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6
lstm = nn.LSTM(input_size, hidden_size)
x = torch.randn(seq_len, batch, input_size)
head = nn.Linear(hidden_size, 2)

# nn.LSTM returns (output, (h_n, c_n)): a tuple, whatever the variable is called.
mistakes = {
    "lstm(x).shape": lambda: lstm(x).shape,
    "head(lstm(x))": lambda: head(lstm(x)),
    "lstm(x)[-1].shape": lambda: lstm(x)[-1].shape,
}
for code, call in mistakes.items():
    try:
        call()
    except (AttributeError, TypeError) as error:
        print(f"{code}:\n  {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"{code} ran")

# Two names: no error, but the second is the tuple (h_n, c_n), not h_n.
output, h_n = lstm(x)
print("output, h_n = lstm(x) -> h_n is a", type(h_n).__name__, "of", len(h_n))
logits = head(h_n[-1])  # runs: h_n[-1] is c_n, the cell state, not h_n's top row
print("head(h_n[-1]) runs, on c_n:", h_n[-1] is h_n[1], tuple(logits.shape))
try:
    h_n.shape  # noqa: B018 (the mistake)
except AttributeError as error:
    print(f"h_n.shape:\n  {type(error).__name__}: {error}")
assert isinstance(h_n, tuple)

# The fix: unpack both levels.
output, (h_n, c_n) = lstm(x)
shapes = [tuple(t.shape) for t in (output, h_n, c_n)]
print("output, (h_n, c_n) = lstm(x) ->", *shapes)
assert h_n.shape == c_n.shape == (1, batch, hidden_size)
