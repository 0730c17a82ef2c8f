import torch
from torch import nn

torch.manual_seed(0)
batch, channels, height, width, hidden_size = 3, 2, 6, 10, 16

# Images read row by row: each of the 6 rows is a time step of channels * width features.
lstm = nn.LSTM(input_size=channels * width, hidden_size=hidden_size, batch_first=True)
images = torch.randn(batch, channels, height, width)
try:
    lstm(images)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected input to be 2D or 3D, got 4D instead" in message

# Fix: fold the extra dimension away, to (batch, seq_len, input_size): rows next to the batch
# first, then every channel's pixels of a row side by side.
x = images.permute(0, 2, 1, 3).reshape(batch, height, channels * width)
output, (h_n, c_n) = lstm(x)
print("x:", tuple(x.shape), "-> output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
row_2 = images[:, :, 2].reshape(batch, -1)  # row 2 of every channel
print("step 2 of x is row 2 of each channel:", torch.equal(x[:, 2], row_2))
# Without the permute, the shape is right and the steps are not the rows.
scrambled = images.reshape(batch, height, channels * width)
print("without permute, step 2 is row 2:   ", torch.equal(scrambled[:, 2], row_2))
assert output.shape == (batch, height, hidden_size)
assert torch.equal(x[:, 2], row_2) and not torch.equal(scrambled[:, 2], row_2)
