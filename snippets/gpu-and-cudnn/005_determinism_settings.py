import torch
from torch import nn

# The switches, as this build reads them (their defaults).
print("torch.backends.cudnn.deterministic:", torch.backends.cudnn.deterministic)
print("torch.backends.cudnn.benchmark:    ", torch.backends.cudnn.benchmark)
print("deterministic algorithms enabled:  ", torch.are_deterministic_algorithms_enabled())
assert not torch.backends.cudnn.deterministic and not torch.backends.cudnn.benchmark

# Turn them on for a block, then back to the defaults (this build runs other pages after).
torch.use_deterministic_algorithms(True)
torch.backends.cudnn.deterministic = True
try:
    print(
        "inside the block:",
        torch.are_deterministic_algorithms_enabled(),
        torch.backends.cudnn.deterministic,
    )
    torch.manual_seed(0)
    lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, dropout=0.5)  # train mode
    x = torch.randn(5, 3, 4)
    torch.manual_seed(1)
    first, _ = lstm(x)
    torch.manual_seed(1)
    second, _ = lstm(x)
    print("same seed, same dropout, equal outputs on the CPU:", torch.equal(first, second))
    assert torch.equal(first, second)
finally:
    torch.use_deterministic_algorithms(False)
    torch.backends.cudnn.deterministic = False
assert not torch.are_deterministic_algorithms_enabled()

# nn.LSTM's documentation pulls in the cuDNN determinism warning (CUBLAS_WORKSPACE_CONFIG).
print(
    "nn.LSTM docstring includes cudnn_rnn_determinism:", "cudnn_rnn_determinism" in nn.LSTM.__doc__
)
assert "cudnn_rnn_determinism" in nn.LSTM.__doc__
