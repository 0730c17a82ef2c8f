import torch
from torch import nn

torch.manual_seed(0)
batch, channels, length, hidden_size = 2, 4, 7, 3
conv = nn.Conv1d(in_channels=1, out_channels=channels, kernel_size=3, padding=1)
features = conv(torch.randn(batch, 1, length))  # (batch, channels, length)
print("Conv1d output:", tuple(features.shape), "= (batch, channels, length)")

lstm = nn.LSTM(input_size=channels, hidden_size=hidden_size)  # wants (seq_len, batch, channels)
try:
    lstm(features)  # channels in the middle: refused, because length != channels here
except RuntimeError as error:
    print(f"fed as it is: {type(error).__name__}: {error}")
square = features[:, :, :channels]  # a length that happens to equal channels: no error
print("length == channels, fed as it is, runs:", tuple(lstm(square)[0].shape))


def steps_in_order(x: torch.Tensor) -> bool:
    """Step t of sequence n must be the channels of features[n, :, t]."""
    return all(torch.equal(x[t, n], features[n, :, t]) for t in range(length) for n in range(batch))


wrong = features.reshape(length, batch, channels)  # the right shape, the wrong numbers
right = features.permute(2, 0, 1)  # (length, batch, channels)
print("reshape:", tuple(wrong.shape), " steps in order:", steps_in_order(wrong))
print("permute:", tuple(right.shape), " steps in order:", steps_in_order(right))
output_wrong, _ = lstm(wrong)  # runs without a word
output, _ = lstm(right)
print("the LSTM's output from the reshape equals the permute's:", torch.equal(output_wrong, output))

# batch_first=True wants (batch, length, channels): transpose the last two dimensions.
lstm_bf = nn.LSTM(input_size=channels, hidden_size=hidden_size, batch_first=True)
lstm_bf.load_state_dict(lstm.state_dict())  # the same weights
output_bf, _ = lstm_bf(features.transpose(1, 2))
print("batch_first + transpose(1, 2), same output:", torch.equal(output_bf.transpose(0, 1), output))

assert not steps_in_order(wrong) and steps_in_order(right)
assert not torch.equal(output_wrong, output)
assert torch.equal(output_bf.transpose(0, 1), output)
