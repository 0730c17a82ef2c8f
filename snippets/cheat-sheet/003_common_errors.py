import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 7, 20, 2


def message(call):
    try:
        call()
    except (RuntimeError, ValueError) as error:
        return str(error).split(". ")[0].split(" (or ")[0]
    raise AssertionError("no error")


lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
x = torch.randn(batch, seq_len, input_size)
batch_first_state = torch.zeros(batch, num_layers, hidden_size)
state = torch.zeros(num_layers, batch, hidden_size)
bidirectional = nn.LSTM(input_size, hidden_size, bidirectional=True, batch_first=True)
both_directions = bidirectional(x)[0][:, -1]  # (batch, 2 * hidden_size)


def backward_twice():
    h_c = None
    for chunk in x.split(2, dim=1):
        output, h_c = lstm(chunk, h_c)
        output.sum().backward()


def backward_detached():
    h_c = None
    for chunk in x.split(2, dim=1):
        output, h_c = lstm(chunk, h_c)
        output.sum().backward()
        h_c = tuple(t.detach() for t in h_c)
    return True


errors = [
    (
        message(lambda: lstm(x.transpose(1, 2))),
        "features last: `x.transpose(1, 2)`, or `nn.LSTM(input_size=...)` to match",
        lambda: lstm(x),
    ),
    (
        message(lambda: lstm(x, (batch_first_state, batch_first_state))),
        "states are `(D * num_layers, batch, H)` even with `batch_first`: `h_0.transpose(0, 1)`",
        lambda: lstm(x, (state, state)),
    ),
    (
        message(lambda: lstm(torch.from_numpy(np.zeros((batch, seq_len, input_size))))),
        "NumPy made float64: `x.float()`",
        lambda: lstm(torch.from_numpy(np.zeros((batch, seq_len, input_size))).float()),
    ),
    (
        message(lambda: nn.Linear(hidden_size, 4)(both_directions)),
        "after a bidirectional LSTM: `nn.Linear(2 * hidden_size, ...)`",
        lambda: nn.Linear(2 * hidden_size, 4)(both_directions),
    ),
    (
        message(backward_twice),
        "carried state: `h, c = h.detach(), c.detach()` before the next chunk",
        backward_detached,
    ),
]
print("| Message starts with | One-line fix |")
print("|---|---|")
for text, fix, fixed in errors:
    assert fixed() is not None  # the fix runs without an error
    print(f"| `{text}` | {fix} |")
