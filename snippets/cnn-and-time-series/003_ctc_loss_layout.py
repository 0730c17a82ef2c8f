import torch
from torch import nn

torch.manual_seed(0)
batch, channels, height, width, hidden_size = 2, 3, 4, 12, 8
num_classes = 5  # class 0 is CTC's blank; labels are 1 to 4
cnn = nn.Conv2d(1, channels, kernel_size=3, padding=1, stride=(1, 2))  # halves the width
lstm = nn.LSTM(input_size=channels * height, hidden_size=hidden_size, bidirectional=True)
head = nn.Linear(2 * hidden_size, num_classes)

images = torch.randn(batch, 1, height, width)
x = cnn(images).flatten(1, 2).permute(2, 0, 1)  # (T, batch, C*H), T = width after the stride
output, _ = lstm(x)  # (T, batch, 2 * hidden_size)
log_probs = head(output).log_softmax(dim=2)  # over the classes: (T, batch, num_classes)
T = log_probs.shape[0]
print("log_probs:", tuple(log_probs.shape), "= (T, batch, num_classes), T =", T)

targets = torch.tensor([[1, 2, 2, 3], [4, 1, 0, 0]])  # padded; the padding is never read
target_lengths = torch.tensor([4, 2])
input_lengths = torch.full((batch,), T)  # steps after the CNN, not the image's width
loss = nn.CTCLoss(blank=0)(log_probs, targets, input_lengths, target_lengths)
print("loss:", tuple(loss.shape), "finite:", bool(loss.isfinite()), "positive:", bool(loss > 0))

# The check: each (step, sequence) row of probabilities sums to 1 over the classes.
rows_sum_to_one = torch.allclose(log_probs.exp().sum(dim=2), torch.ones(T, batch))
print("log_probs.exp().sum(dim=2) is all ones:", rows_sum_to_one)

assert log_probs.shape == (width // 2, batch, num_classes)
assert loss.isfinite() and loss > 0 and rows_sum_to_one
