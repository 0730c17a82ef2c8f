import torch
from torch import nn

torch.manual_seed(0)
batch, channels, height, width, hidden_size = 3, 1, 6, 10, 20

# Images read row by row: each of the 6 rows is a time step of 10 features.
lstm = nn.LSTM(input_size=width, hidden_size=hidden_size, batch_first=True)
images = torch.randn(batch, channels, height, width)
try:
    lstm(images)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "Expected input to be 2D or 3D, got 4D instead" in message

# Fix: fold the extra dimension away, to (batch, seq_len, input_size).
x = images.squeeze(1)  # or images.reshape(batch, height, width)
output, (h_n, c_n) = lstm(x)
print("x:", tuple(x.shape), "-> output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert output.shape == (batch, height, hidden_size)
