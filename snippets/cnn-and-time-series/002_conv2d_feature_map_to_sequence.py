import torch
from torch import nn

torch.manual_seed(0)
batch, channels, height, width, hidden_size = 2, 3, 4, 6, 5
cnn = nn.Conv2d(in_channels=1, out_channels=channels, kernel_size=3, padding=1)
features = cnn(torch.randn(batch, 1, height, width))  # one column per step, left to right
print("Conv2d output:", tuple(features.shape), "= (batch, channels, height, width)")

lstm = nn.LSTM(input_size=channels * height, hidden_size=hidden_size)
try:
    lstm(features)  # four dimensions: refused
except ValueError as error:
    print(f"fed as it is: {type(error).__name__}: {error}")


def columns_in_order(x: torch.Tensor) -> bool:
    """Step w of image n must hold column w: its channels * height features."""
    return all(
        torch.equal(x[w, n], features[n, :, :, w].reshape(-1))
        for w in range(width)
        for n in range(batch)
    )


candidates = {  # each (width, batch, channels * height), as the default layout wants
    "reshape alone": features.reshape(width, batch, channels * height),
    "flatten(1, 2).permute(2, 0, 1)": features.flatten(1, 2).permute(2, 0, 1),
    "permute(3, 0, 1, 2).reshape": features.permute(3, 0, 1, 2).reshape(width, batch, -1),
    "batch_first: flatten(1, 2).transpose(1, 2)": features.flatten(1, 2).transpose(1, 2),
}
in_order = {}
for name, x in candidates.items():
    steps = x.transpose(0, 1) if name.startswith("batch_first") else x
    in_order[name] = columns_in_order(steps)
    print(f"{name:43s} {tuple(x.shape)}  columns in order: {in_order[name]}")

output, (h_n, c_n) = lstm(candidates["flatten(1, 2).permute(2, 0, 1)"])
print("output:", tuple(output.shape), "= (width, batch, hidden_size): one step per column")

assert list(in_order.values()) == [False, True, True, True]
assert output.shape == (width, batch, hidden_size)
