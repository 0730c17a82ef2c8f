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
conv_output = x.transpose(1, 2)  # (batch, channels, length), as nn.Conv1d returns it
batch_first_state = torch.zeros(batch, num_layers, hidden_size)
bidirectional = nn.LSTM(input_size, hidden_size, bidirectional=True, batch_first=True)
both_directions = bidirectional(x)[0][:, -1]  # (batch, 2 * hidden_size)


def features_last():
    """The fix in both layouts: the same weights read the same steps."""
    time_major = nn.LSTM(input_size, hidden_size, num_layers)
    time_major.load_state_dict(lstm.state_dict())
    batch_major_output, _ = lstm(conv_output.transpose(1, 2))
    time_major_output, _ = time_major(conv_output.permute(2, 0, 1))
    assert torch.equal(batch_major_output, time_major_output.transpose(0, 1))
    return batch_major_output


def state_transposed():
    h_0 = batch_first_state.transpose(0, 1).contiguous()  # contiguous, as cuDNN requires
    assert h_0.is_contiguous() and not batch_first_state.transpose(0, 1).is_contiguous()
    return lstm(x, (h_0, h_0))


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
        message(lambda: lstm(conv_output)),
        "features last: `x.transpose(1, 2)` with `batch_first=True`, else `x.permute(2, 0, 1)`",
        features_last,
    ),
    (
        message(lambda: lstm(x, (batch_first_state, batch_first_state))),
        "states keep the batch second: `h_0.transpose(0, 1).contiguous()`",
        state_transposed,
    ),
    (
        message(lambda: lstm(torch.from_numpy(np.zeros((batch, seq_len, input_size))))),
        "NumPy made float64: `x.float()`",
        lambda: lstm(torch.from_numpy(np.zeros((batch, seq_len, input_size))).float()),
    ),
    (
        message(lambda: nn.Linear(hidden_size, 4)(both_directions)),
        "after a bidirectional LSTM: `nn.Linear(2 * H_out, ...)`",
        lambda: nn.Linear(2 * hidden_size, 4)(both_directions),
    ),
    (
        message(backward_twice),
        "carried state: `h.detach()`, `c.detach()` before the next chunk",
        backward_detached,
    ),
]
print("| Message starts with | One-line fix |")
print("|---|---|")
for text, fix, fixed in errors:
    assert fixed() is not None  # the fix runs without an error
    print(f"| `{text}` | {fix} |")
