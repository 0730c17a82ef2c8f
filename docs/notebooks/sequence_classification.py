# %% [markdown]
# # Sequence classification with `h_n[-1]`
#
# A complete walk-through: generate a small labelled data set, classify each sequence from the
# top layer's final hidden state `h_n[-1]`, train, and check the accuracy. Then compare it with
# the other ways of reading one vector out of an LSTM (the last step of `output`, mean and max
# pooling), read a bidirectional LSTM correctly, and classify sequences of different lengths with
# a packed batch. Everything runs on a CPU in a few seconds; the outputs below were produced when
# this site was built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe:** `logits = head(h_n[-1])`, with `h_n[-1]` of shape `(batch, hidden_size)`.
# Bidirectional: `head(torch.cat([h_n[-2], h_n[-1]], dim=1))`. Different lengths: pack the batch
# and `h_n[-1]` is still right.
#
# **The task.** Each sequence holds 12 random numbers. Its label is 1 when the numbers in the
# first half add up to more than those in the second half, else 0. The model must remember the
# start of the sequence until the end, which is what an LSTM's state is for.

# %%
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
seq_len, input_size, hidden_size, num_layers, num_classes = 12, 1, 16, 2, 2


def make_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Sequences of shape (batch, seq_len, input_size) and their labels, shape (batch,)."""
    x = torch.randn(batch, seq_len, input_size)
    first, second = x[:, : seq_len // 2].sum(dim=(1, 2)), x[:, seq_len // 2 :].sum(dim=(1, 2))
    return x, (first > second).long()


x_train, y_train = make_batch(512)
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
# Full-batch Adam for sixty steps is enough here. The loss is printed as it goes down.

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.CrossEntropyLoss()
losses = []
for step in range(1, 61):
    optimizer.zero_grad()
    loss = loss_fn(model(x_train), y_train)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if step % 10 == 0:
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
# ## Other readouts: last step of `output`, mean and max pooling
#
# `h_n[-1]` is not the only way to turn a sequence into one vector. `output` holds the top
# layer's hidden state at every step, `(batch, seq_len, hidden_size)` here, so you can also take
# its last step, `output[:, -1]` (for this one-direction LSTM on full-length sequences, the values
# of `h_n[-1]`: the cell below asserts it, and the
# [claim](../claims.md#output_batch_first_last_step) says where else), or pool it over the time
# dimension, `dim=1` with `batch_first=True`.
#
# A **bidirectional** LSTM needs care. Its `h_n` has `num_layers * 2` rows, ordered layer by
# layer and, within a layer, forward then backward. The top layer is therefore the last two rows:
# `h_n[-2]` is the top layer's **forward** direction, which ended on the last step, and `h_n[-1]`
# its **backward** direction, which ran from the last step to the first and ended on step 0.
# `h_n[-1]` alone throws the forward half away. Concatenate both: `torch.cat([h_n[-2], h_n[-1]],
# dim=1)`, shape `(batch, 2 * hidden_size)`. `output[:, -1]` is *not* that vector: its backward
# half has only seen the last step.

# %%
readouts = {
    "h_n[-1]": lambda output, h_n: h_n[-1],
    "output[:, -1]": lambda output, h_n: output[:, -1],
    "output.mean(dim=1)": lambda output, h_n: output.mean(dim=1),
    "output.max(dim=1).values": lambda output, h_n: output.max(dim=1).values,
    "cat([h_n[-2], h_n[-1]])": lambda output, h_n: torch.cat([h_n[-2], h_n[-1]], dim=1),
}

lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
output, (h_n, c_n) = lstm(x_train[:4])
for name in list(readouts)[:4]:
    print(f"{name:26s}", tuple(readouts[name](output, h_n).shape))
assert torch.equal(readouts["h_n[-1]"](output, h_n), readouts["output[:, -1]"](output, h_n))

bi_lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, bidirectional=True)
output, (h_n, c_n) = bi_lstm(x_train[:4])
both = readouts["cat([h_n[-2], h_n[-1]])"](output, h_n)
print("\nbidirectional, num_layers=2:")
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape), " cat:", tuple(both.shape))
forward_ok = torch.equal(h_n[-2], output[:, -1, :hidden_size])  # forward ends on the last step
backward_ok = torch.equal(h_n[-1], output[:, 0, hidden_size:])  # backward ends on step 0
print("h_n[-2] == output[:, -1, :hidden_size] (top forward): ", forward_ok)
print("h_n[-1] == output[:, 0, hidden_size:]  (top backward):", backward_ok)
print("cat([h_n[-2], h_n[-1]]) == output[:, -1]:              ", torch.equal(both, output[:, -1]))
assert forward_ok and backward_ok and not torch.equal(both, output[:, -1])
assert torch.equal(h_n.view(num_layers, 2, -1, hidden_size)[-1, 0], h_n[-2])  # (layer, direction)

# %% [markdown]
# Now train one classifier per readout on the same task, briefly: a one-layer LSTM, 50 full-batch
# steps each, every model starting from the same seed. For these one-direction models on
# full-length sequences, `h_n[-1]` and `output[:, -1]` are bit for bit one tensor's values, so the
# two train alike: the cell asserts that their losses and accuracies come out bit for bit alike.


# %%
class ReadoutClassifier(nn.Module):
    def __init__(self, readout: str) -> None:
        super().__init__()
        self.readout = readouts[readout]
        bidirectional = readout.startswith("cat")
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=bidirectional)
        self.head = nn.Linear(hidden_size * (2 if bidirectional else 1), num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, (h_n, c_n) = self.lstm(x)
        return self.head(self.readout(output, h_n))


def train_briefly(model: nn.Module, inputs: tuple, labels: torch.Tensor) -> list[float]:
    """50 full-batch Adam steps; returns the loss of each step."""
    optimizer = torch.optim.Adam(model.parameters(), lr=0.04)
    losses = []
    for _ in range(50):
        optimizer.zero_grad()
        loss = loss_fn(model(*inputs), labels)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


results = {}
print(f"{'readout':26s} {'loss':>15s}  test accuracy")
for name in readouts:
    torch.manual_seed(1)  # the same starting weights for every readout
    model = ReadoutClassifier(name)
    losses = train_briefly(model, (x_train,), y_train)
    with torch.no_grad():
        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
    results[name] = (losses, accuracy)
    print(f"{name:26s} {losses[0]:.3f} -> {losses[-1]:.3f}  {accuracy:.2f}")
    assert losses[-1] < losses[0] / 2 and accuracy > 0.8
assert results["h_n[-1]"] == results["output[:, -1]"]  # identical losses at every step

# %% [markdown]
# On this task every readout learns; the differences between them are small and come from a short
# training. What matters is reading the right tensor: `h_n[-1]` or `output[:, -1]` for a
# unidirectional LSTM, both directions' final states for a bidirectional one.
#
# ## Sequences of different lengths: pack them
#
# Real batches mix lengths and are padded to the longest. On a padded batch, `h_n[-1]` and
# `output[:, -1]` are the states after the **padding**, not after each sequence's last real
# step. Pack the batch with `pack_padded_sequence(..., enforce_sorted=False)` (no need to sort it
# by length) and the LSTM stops each sequence at its own length: for this one-direction LSTM,
# `h_n[-1]` then holds each sequence's last **valid** step, the values of `output` at
# `lengths - 1` once `pad_packed_sequence` has unpacked it
# ([where that holds](../claims.md#h_n_top_is_last_real_step)). `lengths` must be a CPU tensor (or a
# list), even when the data is on the GPU: see the error decoder's entry for
# [lengths](../error-decoder.md#lengths-not-1-d-lengths-argument-should-be-a-1d-cpu-int64-tensor).
#
# The task is the same on the valid part: lengths from 6 to 12, label 1 when the first half of the
# real numbers adds up to more than the second half; the padding is zeros.


# %%
def make_padded_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Zero-padded sequences (batch, seq_len, input_size), their lengths and labels."""
    lengths = torch.randint(6, seq_len + 1, (batch,))
    steps = torch.arange(seq_len)
    x = torch.randn(batch, seq_len, input_size) * (steps < lengths[:, None])[..., None]
    in_first_half = (steps < (lengths // 2)[:, None])[..., None]
    first, total = (x * in_first_half).sum(dim=(1, 2)), x.sum(dim=(1, 2))
    return x, lengths, (first > total - first).long()


x_train_padded, lengths_train, y_train_padded = make_padded_batch(512)
x_test_padded, lengths_test, y_test_padded = make_padded_batch(512)

x, lengths = x_train_padded[:8], lengths_train[:8]
lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
packed_output, (h_n, c_n) = lstm(packed)
output, output_lengths = pad_packed_sequence(packed_output, batch_first=True)
last_valid = output[torch.arange(len(lengths)), lengths - 1]  # each row at its own last step
print("lengths:", lengths.tolist())
print("x:", tuple(x.shape), " unpacked output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
print("packed:  h_n[-1] == output at lengths - 1:", torch.equal(h_n[-1], last_valid))
assert torch.equal(h_n[-1], last_valid) and torch.equal(output_lengths, lengths)

padded_output, (padded_h_n, padded_c_n) = lstm(x)  # the same batch, not packed
same_rows = torch.isclose(padded_h_n[-1], last_valid, atol=1e-6).all(dim=1)
print("padded:  h_n[-1] matches output at lengths - 1, per sequence:", same_rows.tolist())
assert torch.equal(same_rows, lengths == seq_len)  # right only for the full-length sequences

# %% [markdown]
# Train the packed classifier the same way: the model packs its input, and `h_n[-1]` is used as
# before.


# %%
class PackedClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        packed_output, (h_n, c_n) = self.lstm(packed)
        return self.head(h_n[-1])  # each sequence's last valid step


torch.manual_seed(1)
model = PackedClassifier()
losses = train_briefly(model, (x_train_padded, lengths_train), y_train_padded)
for step in range(9, 50, 10):
    print(f"step {step + 1:3d}  loss {losses[step]:.3f}")
with torch.no_grad():
    predictions = model(x_test_padded, lengths_test).argmax(dim=1)
accuracy = (predictions == y_test_padded).float().mean().item()
print(f"test accuracy: {accuracy:.2f}")
assert losses[-1] < losses[0] / 2 and accuracy > 0.8

# %% [markdown]
# **Next:** why `h_n[-1]` and not `h_n[0]`, shown step by step on
# [output vs (h_n, c_n)](../output-vs-state.md); the two directions in detail on
# [Bidirectional](../bidirectional.md); padding and packing on
# [Variable-length sequences](../variable-length.md). A prediction at every step instead of one
# per sequence: the *Sequence tagging* recipe.
