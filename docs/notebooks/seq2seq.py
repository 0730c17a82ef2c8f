# %% [markdown]
# # Seq2seq: the encoder's `(h_n, c_n)` starts the decoder
#
# A complete encoder-decoder: the encoder reads the source sequence and hands its final state
# `(h_n, c_n)` to the decoder as the decoder's initial state. The walk-through bridges a
# bidirectional, two-layer encoder to the shape the decoder expects, shows that decoding step by
# step with the state carried by hand is exactly teacher forcing, trains, and decodes greedily.
# Everything runs on a CPU in a few seconds; the outputs below were produced when this site was
# built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe:** `_, (h_n, c_n) = encoder(source)`, then
# `output, _ = decoder(target_in, (h_0, c_0))` where `(h_0, c_0)` has the decoder's shape
# `(num_layers, batch, hidden_size)`. A bidirectional encoder's `h_n` is
# `(num_layers * 2, batch, H)`: view it as `(num_layers, 2, batch, H)` and concatenate the two
# directions into `(num_layers, batch, 2 * H)`.
#
# **The task.** Reverse a sequence of 5 tokens: `[3, 1, 4, 1, 5]` becomes `[5, 1, 4, 1, 3]`.
# Tokens 1 to 7 are symbols; token 0 is the start token `<s>` that the decoder reads first.

# %%
import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
vocab_size, seq_len, embedding_size, hidden_size, num_layers = 8, 5, 8, 16, 2
start = 0  # the <s> token


def make_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Source tokens (batch, seq_len) in 1..7, and the target: the source reversed."""
    source = torch.randint(1, vocab_size, (batch, seq_len))
    return source, source.flip(dims=[1])


source_train, target_train = make_batch(1024)
source_test, target_test = make_batch(512)
print("source_train:", tuple(source_train.shape), " target_train:", tuple(target_train.shape))
print("source:", source_train[0].tolist(), " target:", target_train[0].tolist())
assert torch.equal(target_train[0], source_train[0].flip(0))

# %% [markdown]
# ## The encoder's state, bridged to the decoder
#
# The encoder is bidirectional with `num_layers=2`, so `h_n` has `num_layers * 2 = 4` rows, in the
# order layer 0 forward, layer 0 backward, layer 1 forward, layer 1 backward: shape
# `(4, batch, H)` with `H = 16`. The decoder is unidirectional, with the same number of layers, so
# it expects `(num_layers, batch, hidden)`. Give it `hidden = 2 * H = 32` and join each layer's two
# directions:
#
# - `h_n.view(num_layers, 2, batch, H)` splits the first dimension into (layer, direction);
# - `torch.cat([both[:, 0], both[:, 1]], dim=2)` puts forward and backward side by side:
#   `(num_layers, batch, 2 * H)`.
#
# `h_n.view(num_layers, batch, 2 * H)` has the right shape but the **wrong content**: it glues the
# rows of two different sequences together. (Another common bridge is a `nn.Linear(2 * H, H)` on
# the concatenation, for a decoder of hidden size `H`.)


# %%
def bridge(state: torch.Tensor) -> torch.Tensor:
    """(num_layers * 2, batch, H) -> (num_layers, batch, 2 * H): each layer's directions joined."""
    both = state.view(num_layers, 2, state.shape[1], state.shape[2])
    return torch.cat([both[:, 0], both[:, 1]], dim=2)


embed = nn.Embedding(vocab_size, embedding_size)
encoder = nn.LSTM(embedding_size, hidden_size, num_layers, batch_first=True, bidirectional=True)
output, (h_n, c_n) = encoder(embed(source_train[:3]))
h_0, c_0 = bridge(h_n), bridge(c_n)
print("encoder output:", tuple(output.shape), " h_n:", tuple(h_n.shape), " c_n:", tuple(c_n.shape))
print("bridged h_0:", tuple(h_0.shape), " c_0:", tuple(c_0.shape))
for layer in range(num_layers):
    forward_ok = torch.equal(h_0[layer, :, :hidden_size], h_n[2 * layer])
    backward_ok = torch.equal(h_0[layer, :, hidden_size:], h_n[2 * layer + 1])
    print(
        f"layer {layer}: h_0 = [h_n[{2 * layer}], h_n[{2 * layer + 1}]]:",
        forward_ok and backward_ok,
    )
    assert forward_ok and backward_ok
top_ok = torch.equal(
    h_0[-1], torch.cat([output[:, -1, :hidden_size], output[:, 0, hidden_size:]], 1)
)
print("top layer: forward ends on the last step, backward on step 0:", top_ok)
wrong = h_n.view(num_layers, -1, 2 * hidden_size)
print("h_n.view(num_layers, batch, 2 * H) == bridge(h_n):", torch.equal(wrong, h_0))
glued = torch.equal(wrong[0, 0], torch.cat([h_n[0, 0], h_n[0, 1]]))  # sequences 0 and 1
print("its first row is layer 0 forward of sequences 0 and 1 side by side:", glued)
assert top_ok and not torch.equal(wrong, h_0) and glued

# %% [markdown]
# ## The model
#
# The decoder reads the target shifted right by one, starting with `<s>`: to predict target token
# `t` it sees target token `t - 1`. Feeding it the true previous tokens, all at once, is **teacher
# forcing**.


# %%
class Seq2Seq(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embedding_size)
        self.encoder = nn.LSTM(
            embedding_size, hidden_size, num_layers, batch_first=True, bidirectional=True
        )
        self.decoder = nn.LSTM(embedding_size, 2 * hidden_size, num_layers, batch_first=True)
        self.head = nn.Linear(2 * hidden_size, vocab_size)

    def encode(self, source: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        output, (h_n, c_n) = self.encoder(self.embed(source))
        return bridge(h_n), bridge(c_n)

    def decode(self, target_in: torch.Tensor, state: tuple) -> tuple[torch.Tensor, tuple]:
        output, (h_n, c_n) = self.decoder(self.embed(target_in), state)
        return self.head(output), (h_n, c_n)

    def forward(self, source: torch.Tensor, target_in: torch.Tensor) -> torch.Tensor:
        logits, state = self.decode(target_in, self.encode(source))
        return logits


def shift_right(target: torch.Tensor) -> torch.Tensor:
    """<s> followed by the target without its last token: (batch, seq_len)."""
    starts = torch.full((target.shape[0], 1), start)
    return torch.cat([starts, target[:, :-1]], dim=1)


model = Seq2Seq()
source, target = source_train[:3], target_train[:3]
target_in = shift_right(target)
logits = model(source, target_in)
print("target:   ", target[0].tolist())
print("target_in:", target_in[0].tolist())
print("logits:", tuple(logits.shape), "(batch, seq_len, vocab_size)")
assert logits.shape == (3, seq_len, vocab_size)

# %% [markdown]
# ## Step by step, or teacher forcing
#
# Decode one step at a time instead: feed one token, shape `(batch, 1)`, take the logits, and pass
# the returned `(h, c)` back in for the next step. With the true previous token fed at each step,
# this one-direction decoder gives the logits of the single call on the whole `target_in`, within
# `1e-6` in the cell below: the LSTM carries nothing between calls except the state you hand it
# ([where that holds](../claims.md#chunks_with_carried_state_equal_one_pass)).

# %%
state = model.encode(source)
step_logits = []
for t in range(seq_len):
    logits_t, state = model.decode(target_in[:, t : t + 1], state)  # carry (h, c)
    step_logits.append(logits_t)
step_logits = torch.cat(step_logits, dim=1)
h, c = state
print("one step:", tuple(logits_t.shape), " carried h:", tuple(h.shape), " c:", tuple(c.shape))
same = torch.allclose(step_logits, logits, atol=1e-6)
print("step by step == teacher forcing:", same)
assert same

# %% [markdown]
# ## Training with teacher forcing
#
# One call per batch, cross-entropy over every target position (classes moved to dimension 1, as
# in the *Sequence tagging* recipe).

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.CrossEntropyLoss()
target_in_train = shift_right(target_train)
losses = []
for step in range(1, 61):
    optimizer.zero_grad()
    logits = model(source_train, target_in_train)
    loss = loss_fn(logits.permute(0, 2, 1), target_train)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if step % 10 == 0:
        print(f"step {step:3d}  loss {loss.item():.3f}")
assert losses[-1] < losses[0] / 2

# %% [markdown]
# ## Greedy decoding
#
# At test time there is no true previous token: start from `<s>`, feed back the decoder's own best
# guess, and carry `(h, c)` from step to step, exactly as in the step-by-step loop above.

# %%
model.eval()
with torch.no_grad():
    state = model.encode(source_test)
    token = torch.full((len(source_test), 1), start)
    predicted = []
    for _ in range(seq_len):
        logits_t, state = model.decode(token, state)
        token = logits_t.argmax(dim=-1)  # (batch, 1): the next input
        predicted.append(token)
    predicted = torch.cat(predicted, dim=1)
token_accuracy = (predicted == target_test).float().mean().item()
sequence_accuracy = (predicted == target_test).all(dim=1).float().mean().item()
print("source:   ", source_test[0].tolist())
print("predicted:", predicted[0].tolist())
print(f"token accuracy {token_accuracy:.2f}, whole sequences right {sequence_accuracy:.2f}")
assert predicted.shape == target_test.shape and token_accuracy > 0.9

# %% [markdown]
# **Next:** the layout of a bidirectional `h_n` on [Bidirectional](../bidirectional.md) and of a
# stacked one on [Stacked layers](../stacked-layers.md); passing and carrying `(h_0, c_0)` on
# [Initial and carried state](../initial-state.md); carrying the state across chunks of one long
# sequence in the *Stateful language model* recipe.
