# %% [markdown]
# # Sequence classification with `h_n[-1]`
#
# A complete walk-through: generate a small labelled data set, classify each sequence from the
# top layer's final hidden state `h_n[-1]`, train, and check the accuracy. Everything runs on a
# CPU in a few seconds; the outputs below were produced when this site was built.
#
# **The task.** Each sequence holds 12 random numbers. Its label is 1 when the numbers in the
# first half add up to more than those in the second half, else 0. The model must remember the
# start of the sequence until the end, which is what an LSTM's state is for.

# %%
import torch
from torch import nn

torch.manual_seed(0)
seq_len, input_size, hidden_size, num_layers, num_classes = 12, 1, 16, 2, 2


def make_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Sequences of shape (batch, seq_len, input_size) and their labels, shape (batch,)."""
    x = torch.randn(batch, seq_len, input_size)
    first, second = x[:, : seq_len // 2].sum(dim=(1, 2)), x[:, seq_len // 2 :].sum(dim=(1, 2))
    return x, (first > second).long()


x_train, y_train = make_batch(1024)
x_test, y_test = make_batch(512)
print("x_train:", tuple(x_train.shape), " y_train:", tuple(y_train.shape))
print("share of label 1:", round(y_train.float().mean().item(), 2))

# %% [markdown]
# ## The model
#
# `batch_first=True` makes the input `(batch, seq_len, input_size)`. It does **not** change
# `h_n`: that stays `(num_layers, batch, hidden_size)`, so the top layer's final state is
# `h_n[-1]`, shape `(batch, hidden_size)`.


# %%
class SequenceClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, (h_n, c_n) = self.lstm(x)
        return self.head(h_n[-1])  # top layer, last step


model = SequenceClassifier()
output, (h_n, c_n) = model.lstm(x_train[:4])
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
print("logits:", tuple(model(x_train[:4]).shape))
assert torch.equal(output[:, -1], h_n[-1])  # batch_first: the last step is output[:, -1]

# %% [markdown]
# ## Training
#
# Full-batch Adam for about a hundred steps is enough here. The loss is printed as it goes down.

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.CrossEntropyLoss()
losses = []
for step in range(1, 121):
    optimizer.zero_grad()
    loss = loss_fn(model(x_train), y_train)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if step % 20 == 0:
        print(f"step {step:3d}  loss {loss.item():.3f}")
assert losses[-1] < losses[0] / 2

# %% [markdown]
# ## Accuracy on sequences the model has never seen

# %%
model.eval()
with torch.no_grad():
    accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
print(f"test accuracy: {accuracy:.2f}")
assert accuracy > 0.85  # chance is 0.5

# %% [markdown]
# **Next:** why `h_n[-1]` and not `h_n[0]`, shown step by step on
# [output vs (h_n, c_n)](../output-vs-state.md).
