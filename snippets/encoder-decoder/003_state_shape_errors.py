import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_layers = 3, 5, 4, 6, 2
encoder = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True, batch_first=True)
decoder = nn.LSTM(input_size, 2 * hidden_size, num_layers, batch_first=True)
_, (h_n, c_n) = encoder(torch.randn(batch, seq_len, input_size))
target_in = torch.randn(batch, 4, input_size)


def bridge(state: torch.Tensor) -> torch.Tensor:
    split = state.view(num_layers, 2, state.shape[1], state.shape[2])
    return torch.cat([split[:, 0], split[:, 1]], dim=2)


attempts = {
    "h_n, c_n as they are": lambda: decoder(target_in, (h_n, c_n)),
    "h bridged, c_n as it is": lambda: decoder(target_in, (bridge(h_n), c_n)),
    "top layer only, 2-D": lambda: decoder(target_in, (bridge(h_n)[-1], bridge(c_n)[-1])),
    "decoder with 1 layer": lambda: nn.LSTM(input_size, 2 * hidden_size, batch_first=True)(
        target_in, (bridge(h_n), bridge(c_n))
    ),
}
for what, attempt in attempts.items():
    try:
        attempt()
    except RuntimeError as e:
        print(f"{what}:\n  {type(e).__name__}: {e}")
    else:
        raise AssertionError(f"{what} ran")
