# %% [markdown]
# # Classification with attention over `output`
#
# A complete walk-through: a padded batch of sequences of different lengths, an LSTM, attention
# pooling over its `output` with the padding masked, and a linear head. It trains on synthetic
# data in a few seconds on a CPU, and the outputs below were produced when this site was built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe:** `scores = score(output).squeeze(-1)`, then
# `weights = softmax(scores.masked_fill(~mask, -inf), dim=1)` and
# `context = (weights.unsqueeze(-1) * output).sum(dim=1)`, shape `(batch, hidden_size)`, into the
# head. `mask` is `True` on the real steps.
#
# **The task.** Each sequence has 4 to 12 steps of two features: a random value, and a marker
# that is 1 at one random step and 0 elsewhere. The label is 1 when the value at the marked step
# is positive. The answer sits at one step, anywhere in the sequence: a job for attention.

# %%
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
max_len, input_size, hidden_size, num_classes = 12, 2, 16, 2


def make_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Padded x (batch, max_len, 2), lengths, labels, and the marked step of each sequence."""
    lengths = torch.randint(4, max_len + 1, (batch,))
    marked = (torch.rand(batch) * lengths).long()  # a step before each sequence's end
    x = torch.zeros(batch, max_len, input_size)
    real = torch.arange(max_len) < lengths[:, None]
    x[..., 0] = torch.randn(batch, max_len) * real  # zero padding after the end
    x[torch.arange(batch), marked, 1] = 1.0
    labels = (x[torch.arange(batch), marked, 0] > 0).long()
    return x, lengths, labels, marked


x_train, lengths_train, y_train, marked_train = make_batch(1024)
x_test, lengths_test, y_test, marked_test = make_batch(512)
print(
    "x_train:",
    tuple(x_train.shape),
    " lengths from",
    lengths_train.min().item(),
    "to",
    lengths_train.max().item(),
)
print("share of label 1:", round(y_train.float().mean().item(), 2))

# %% [markdown]
# ## The model
#
# The LSTM is bidirectional, so `forward` packs the padded batch: unpacked, the backward direction
# would read each sequence's padding before its real steps, and no mask on `output` undoes that
# ([Variable-length sequences](../variable-length.md)). `pad_packed_sequence` gives `output` back
# padded to `max_len`. The mask is built from `lengths`; the scores of padded steps become `-inf`,
# so after the softmax their weights are exactly 0.


# %%
class AttentionClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=True)
        self.score = nn.Linear(2 * hidden_size, 1)  # bidirectional: 2 * hidden_size features
        self.head = nn.Linear(2 * hidden_size, num_classes)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        output, _ = pad_packed_sequence(output, batch_first=True, total_length=x.shape[1])
        mask = torch.arange(x.shape[1]) < lengths[:, None]  # True on real steps
        scores = self.score(output).squeeze(-1).masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=1)  # (batch, max_len)
        context = (weights.unsqueeze(-1) * output).sum(dim=1)  # (batch, 2 * hidden_size)
        return self.head(context), weights


model = AttentionClassifier()
logits, weights = model(x_train[:4], lengths_train[:4])
print("logits:", tuple(logits.shape), " weights:", tuple(weights.shape))
padding = torch.arange(max_len) >= lengths_train[:4, None]
print("weights on padding are 0:", bool((weights[padding] == 0).all()))
assert (weights[padding] == 0).all()

# %% [markdown]
# ## Training
#
# Full-batch Adam; the loss is printed every 20 steps.

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
losses = []
for step in range(1, 81):
    optimizer.zero_grad()
    logits, _ = model(x_train, lengths_train)
    loss = loss_fn(logits, y_train)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if step % 20 == 0:
        print(f"step {step:3d}  loss {loss.item():.3f}")
assert losses[-1] < losses[0] / 2

# %% [markdown]
# ## Accuracy, and where the model looks
#
# On sequences it has never seen, the model should be right most of the time (chance is 0.5).
# The attention weights show how: most of each sequence's weight lands on the marked step.

# %%
model.eval()
with torch.no_grad():
    logits, weights = model(x_test, lengths_test)
accuracy = (logits.argmax(dim=1) == y_test).float().mean().item()
on_marked = weights[torch.arange(len(y_test)), marked_test].mean().item()
padding = torch.arange(max_len) >= lengths_test[:, None]
print(f"test accuracy: {accuracy:.2f}")
print(f"mean attention weight on the marked step: {on_marked:.2f}")
print("weight on padding, largest:", weights[padding].max().item())
assert accuracy > 0.85 and on_marked > 0.3 and weights[padding].max() == 0

# %% [markdown]
# **Next:** the masking rules step by step, and `nn.MultiheadAttention`'s `key_padding_mask`, on
# [Attention over output](../attention.md); padding and packing on
# [Variable-length sequences](../variable-length.md); a classifier that reads `h_n[-1]` instead,
# in the *Sequence classification* recipe.
