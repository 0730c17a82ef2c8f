import torch
from torch import nn

torch.manual_seed(0)
batch, frames, channels, height, width, features, hidden_size = 2, 4, 3, 8, 8, 6, 5
cnn = nn.Sequential(  # one frame (channels, height, width) -> one vector of `features`
    nn.Conv2d(channels, features, kernel_size=3),
    nn.BatchNorm2d(features),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
)
video = torch.randn(batch, frames, channels, height, width)  # (N, T, C, H, W)


def per_frame_loop() -> torch.Tensor:
    """One CNN call per time step, stacked along time: (N, T, F)."""
    return torch.stack([cnn(video[:, t]) for t in range(frames)], dim=1)


def fold_time_into_batch() -> torch.Tensor:
    """One CNN call on N * T frames, then unfolded: (N * T, ...) -> (N, T, F)."""
    folded = cnn(video.reshape(batch * frames, channels, height, width))  # (N * T, F)
    return folded.reshape(batch, frames, features)  # N first, as it was folded


cnn.eval()
looped, unfolded = per_frame_loop(), fold_time_into_batch()
print("eval():  fold == loop, up to float rounding:", torch.allclose(unfolded, looped))

# Into a default (T, N, F) LSTM: unfold to (N, T, F), then transpose. A reshape mixes frames.
folded = cnn(video.reshape(batch * frames, channels, height, width))
time_major = {
    "reshape(T, N, F)": folded.reshape(frames, batch, features),
    "reshape(N, T, F).transpose(0, 1)": folded.reshape(batch, frames, features).transpose(0, 1),
}
for name, x in time_major.items():
    print(
        f"{name:33s} {tuple(x.shape)}  frames in place:", torch.allclose(x, looped.transpose(0, 1))
    )

lstm = nn.LSTM(input_size=features, hidden_size=hidden_size)
output, (h_n, c_n) = lstm(time_major["reshape(N, T, F).transpose(0, 1)"])
print("LSTM output:", tuple(output.shape), " h_n[-1], one vector per video:", tuple(h_n[-1].shape))

# In training, BatchNorm normalises over the frames of one call: N * T folded, N in the loop.
cnn.train()
train_alike = torch.allclose(fold_time_into_batch(), per_frame_loop())
print("train(): fold == loop, up to float rounding:", train_alike)

assert torch.allclose(unfolded, looped) and not train_alike
assert not torch.allclose(time_major["reshape(T, N, F)"], looped.transpose(0, 1))
assert output.shape == (frames, batch, hidden_size) and h_n[-1].shape == (batch, hidden_size)
