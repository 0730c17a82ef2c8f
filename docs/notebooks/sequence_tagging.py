# %% [markdown]
# # Sequence tagging: a prediction at every step
#
# A complete walk-through of tagging, where every time step gets its own label: generate a small
# data set, put a linear layer over `output`, compute the loss with the class dimension where
# `nn.CrossEntropyLoss` expects it, train, and measure the accuracy at each step. Everything runs
# on a CPU in a few seconds; the outputs below were produced when this site was built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe:** `logits = head(output)`, from `(batch, seq_len, hidden_size)` to
# `(batch, seq_len, num_tags)`, then `loss_fn(logits.reshape(-1, num_tags), tags.reshape(-1))` or,
# equivalently, `loss_fn(logits.permute(0, 2, 1), tags)`.
#
# **The task.** Each sequence holds 16 random numbers. Step `t` is tagged 1 when the running sum
# of the numbers up to and including step `t` is positive, else 0. The tag at a step depends on
# everything before it, so the model must carry a running total in its state.

# %%
import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
seq_len, input_size, hidden_size, num_tags = 16, 1, 16, 2


def make_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Sequences (batch, seq_len, input_size) and one tag per step, shape (batch, seq_len)."""
    x = torch.randn(batch, seq_len, input_size)
    return x, (x.cumsum(dim=1).squeeze(2) > 0).long()


x_train, tags_train = make_batch(512)
x_test, tags_test = make_batch(512)
print("x_train:", tuple(x_train.shape), " tags_train:", tuple(tags_train.shape))
example = x_train[5, :, 0]  # one sequence, its first 8 steps below
print("x, rounded:     ", [round(v, 1) for v in example[:8].tolist()], "...")
print("its running sum:", [round(v, 1) for v in example[:8].cumsum(0).tolist()])
print("its tags:       ", tags_train[5, :8].tolist())
assert torch.equal(tags_train[5], (example.cumsum(0) > 0).long())

# %% [markdown]
# ## The model: a linear layer over `output`
#
# `output` holds the top layer's hidden state at **every** step, `(batch, seq_len, hidden_size)`
# with `batch_first=True`: what tagging needs (`h_n` only has the last step).
# `nn.Linear` acts on the last dimension and keeps the others, so the same layer scores every step
# at once.


# %%
class Tagger(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, num_tags)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, (h_n, c_n) = self.lstm(x)
        return self.head(output)  # a score per tag at every step


model = Tagger()
output, (h_n, c_n) = model.lstm(x_train[:4])
logits = model(x_train[:4])
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape), " logits:", tuple(logits.shape))
assert output.shape == (4, seq_len, hidden_size) and logits.shape == (4, seq_len, num_tags)
assert torch.allclose(logits[:, 5], model.head(output[:, 5]))  # step 5 scored from output[:, 5]

# %% [markdown]
# ## The loss: where the class dimension goes
#
# `nn.CrossEntropyLoss` wants the classes in **dimension 1**: input `(N, C)` with target `(N,)`,
# or input `(N, C, d1)` with target `(N, d1)`. The logits come out as
# `(batch, seq_len, num_tags)`, classes last. Two correct fixes, with the same value:
#
# - flatten batch and time: `logits.reshape(-1, num_tags)` against `tags.reshape(-1)`;
# - move the classes to dimension 1: `logits.permute(0, 2, 1)`, `(batch, num_tags, seq_len)`,
#   against `tags` as it is.
#
# Passing the logits unchanged fails with a shape error, and, worse, runs **silently** when
# `seq_len` happens to be `num_tags`: the loss then treats the time steps as the classes.

# %%
loss_fn = nn.CrossEntropyLoss()
tags = tags_train[:4]
flat = loss_fn(logits.reshape(-1, num_tags), tags.reshape(-1))
permuted = loss_fn(logits.permute(0, 2, 1), tags)
print("reshape:", tuple(logits.reshape(-1, num_tags).shape), "vs", tuple(tags.reshape(-1).shape))
print("permute:", tuple(logits.permute(0, 2, 1).shape), "vs", tuple(tags.shape))
print("same loss both ways:", torch.allclose(flat, permuted))
assert torch.allclose(flat, permuted)

try:
    loss_fn(logits, tags)
except RuntimeError as error:
    print("unchanged logits:", error)
    assert "Expected target size" in str(error)

two_steps, two_tags = logits[:, :2], tags[:, :2]  # seq_len 2 == num_tags 2: no error
wrong = loss_fn(two_steps, two_tags)
right = loss_fn(two_steps.permute(0, 2, 1), two_tags)
print(f"seq_len == num_tags: unchanged {wrong.item():.3f}, permuted {right.item():.3f}")
assert not torch.allclose(wrong, right)

# %% [markdown]
# ## Training
#
# Full-batch Adam; the loss is the mean over every step of every sequence.

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
losses = []
for step in range(1, 101):
    optimizer.zero_grad()
    loss = loss_fn(model(x_train).reshape(-1, num_tags), tags_train.reshape(-1))
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if step % 20 == 0:
        print(f"step {step:3d}  loss {loss.item():.3f}")
assert losses[-1] < losses[0] / 2

# %% [markdown]
# ## Accuracy at every step
#
# `argmax` over the last dimension gives a tag per step, `(batch, seq_len)`, to compare with the
# true tags element by element: the overall share of correct tags, then the share at each step
# position.

# %%
model.eval()
with torch.no_grad():
    predicted = model(x_test).argmax(dim=-1)
correct = (predicted == tags_test).float()
print("predicted:", tuple(predicted.shape))
print(f"accuracy over all steps: {correct.mean().item():.3f}")
print("accuracy at each step:  ", [round(a, 2) for a in correct.mean(dim=0).tolist()])
assert predicted.shape == tags_test.shape and correct.mean() > 0.9

# %% [markdown]
# ## Padded batches: tag the padding -100
#
# With sequences of different lengths padded to the longest, the padded steps must not count in
# the loss. Give them the tag `-100`, `nn.CrossEntropyLoss`'s default `ignore_index`: the loss is
# then the mean over the real steps only. Packing the batch is optional for a unidirectional LSTM:
# the padding comes after the real steps, so it cannot change their outputs. (A bidirectional one
# reads the padding first in its backward direction: pack that one, see
# [Variable-length sequences](../variable-length.md).)

# %%
lengths = torch.tensor([16, 11, 7, 3])
is_real = torch.arange(seq_len) < lengths[:, None]  # (batch, seq_len)
padded_tags = tags.masked_fill(~is_real, -100)
with torch.no_grad():
    logits = model(x_train[:4] * is_real[..., None])
masked = loss_fn(logits.reshape(-1, num_tags), padded_tags.reshape(-1))
real_only = loss_fn(logits[is_real], tags[is_real])  # (number of real steps, num_tags)
print("tags of the sequence of length 3, first 8 steps:", padded_tags[3, :8].tolist())
with torch.no_grad():
    alone = model(x_train[3:4, :3])  # the sequence of length 3, without padding
unchanged = torch.allclose(alone[0], logits[3, :3], atol=1e-6)
print("padding leaves the real steps' logits unchanged:", unchanged)
print("real steps:", int(is_real.sum()), "of", is_real.numel())
print("loss with -100 tags == loss over the real steps only:", torch.allclose(masked, real_only))
assert unchanged and torch.allclose(masked, real_only)

# %% [markdown]
# **Next:** why `output` holds every step and `h_n` only the last, on
# [output vs (h_n, c_n)](../output-vs-state.md#which-one-to-use); one label per sequence instead,
# in the *Sequence classification* recipe; a whole output sequence of its own
# length, in the *Seq2seq* recipe.
