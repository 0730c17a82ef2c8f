# %% [markdown]
# # Attention decoder: the decoder's `h[-1]` queries the encoder's `output`
#
# A complete encoder-decoder with attention, trained in a few seconds on a CPU. The encoder reads
# a padded batch of source sequences; at each decoder step, the decoder's top-layer hidden state
# (the **query**) scores every step of the encoder's `output` (the **keys**, and the **values**),
# the padded source steps are masked, and the weighted sum (the **context**) joins the query to
# predict the next token. The outputs below were produced when this site was built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe** (Luong's "general" score), with `batch_first=True` everywhere:
# `scores = torch.bmm(query, W(keys).transpose(1, 2))`, shape `(batch, tgt_len, src_len)`;
# `weights = softmax(scores.masked_fill(~mask, -inf), dim=2)`, over the source steps;
# `context = torch.bmm(weights, keys)`, shape `(batch, tgt_len, 2 * H)`.
#
# **The task.** Reverse a sequence of 3 to 7 tokens: `[3, 8, 4]` becomes `[4, 8, 3]`. Tokens 2 to
# 9 are symbols, token 0 pads, token 1 is the start token `<s>` the decoder reads first. Reversing
# needs the decoder to look far back in the source, at a step that moves with each sequence's
# length: a job for attention.

# %%
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
vocab_size, max_len, embedding_size, hidden_size = 10, 7, 16, 32
pad, start = 0, 1


def make_batch(batch: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Padded source (batch, max_len), lengths, and the target: each source reversed, padded."""
    lengths = torch.randint(3, max_len + 1, (batch,))
    real = torch.arange(max_len) < lengths[:, None]
    source = torch.randint(2, vocab_size, (batch, max_len)) * real  # pad after each end
    target = torch.zeros_like(source)
    for b, length in enumerate(lengths.tolist()):
        target[b, :length] = source[b, :length].flip(0)
    return source, lengths, target


source_train, lengths_train, target_train = make_batch(2048)
source_test, lengths_test, target_test = make_batch(512)
print("source_train:", tuple(source_train.shape), " target_train:", tuple(target_train.shape))
print("source:", source_train[0].tolist(), " length:", lengths_train[0].item())
print("target:", target_train[0].tolist())
assert torch.equal(target_train[0, : lengths_train[0]], source_train[0, : lengths_train[0]].flip(0))

# %% [markdown]
# ## The encoder: keys, values, and the decoder's first state
#
# The encoder is a bidirectional LSTM over the packed source, so neither direction reads padding.
# `pad_packed_sequence(..., total_length=max_len)` gives `output` back as `(batch, max_len, 2 * H)`,
# zero after each sequence's end: these are the keys and the values. The decoder has one
# direction and `hidden_size = H`, so its first state comes through a `Linear(2 * H, H)` bridge on
# each layer's two directions joined:
# `h_n.view(num_layers, 2, batch, H)`, then the directions concatenated:
#
# ```claim
# bridge_cat_directions_fits_decoder
# ```
#
# `h_n.view(num_layers, batch, 2 * H)` has the same shape and, with more than one sequence, the
# wrong state:
#
# ```claim
# h_n_view_layers_batch_glues_sequences
# ```


# %%
class Encoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embedding_size, padding_idx=pad)
        self.lstm = nn.LSTM(embedding_size, hidden_size, batch_first=True, bidirectional=True)
        self.bridge_h = nn.Linear(2 * hidden_size, hidden_size)
        self.bridge_c = nn.Linear(2 * hidden_size, hidden_size)

    def forward(self, source: torch.Tensor, lengths: torch.Tensor):
        packed = pack_padded_sequence(
            self.embed(source), lengths, batch_first=True, enforce_sorted=False
        )
        packed_output, (h_n, c_n) = self.lstm(packed)
        keys, _ = pad_packed_sequence(packed_output, batch_first=True, total_length=max_len)
        batch = source.shape[0]
        h_joined = h_n.view(1, 2, batch, hidden_size)  # (num_layers, direction, batch, H)
        c_joined = c_n.view(1, 2, batch, hidden_size)
        h_0 = torch.tanh(self.bridge_h(torch.cat([h_joined[:, 0], h_joined[:, 1]], dim=2)))
        c_0 = self.bridge_c(torch.cat([c_joined[:, 0], c_joined[:, 1]], dim=2))
        return keys, (h_0, c_0)


encoder = Encoder()
keys, (h_0, c_0) = encoder(source_train[:4], lengths_train[:4])
print("keys = values:", tuple(keys.shape), "(batch, max_len, 2 * H)")
print("decoder h_0:", tuple(h_0.shape), " c_0:", tuple(c_0.shape), "(num_layers, batch, H)")
after_end = torch.arange(max_len) >= lengths_train[:4, None]
print("keys are zero after each source's end:", bool((keys[after_end] == 0).all()))
assert keys.shape == (4, max_len, 2 * hidden_size) and h_0.shape == (1, 4, hidden_size)

# %% [markdown]
# ## The attention decoder
#
# The decoder LSTM reads the target shifted right (`<s>` first). Its `output` at step `t` is its
# top layer's `h` after step `t`: the query of step `t`
# ([where that holds](../claims.md#output_is_top_layer)). With teacher forcing the queries of
# every step come from one call, `(batch, tgt_len, H)`, and one `bmm` scores them all against the
# keys:
#
# - `W(keys)`: `(batch, src_len, H)`, then `.transpose(1, 2)`: `(batch, H, src_len)`;
# - `scores = torch.bmm(query, ...)`: `(batch, tgt_len, src_len)`, one row per decoder step;
# - the mask `(batch, 1, src_len)` broadcasts over the decoder steps; the softmax runs over the
#   source steps, `dim=2`, so each row of weights sums to 1 with 0 on the padding
#   ([where that holds](../claims.md#masked_softmax_zero_on_padding));
# - `context = torch.bmm(weights, keys)`: `(batch, tgt_len, 2 * H)`, joined to the query by a
#   `Linear` and `tanh` (Luong's attentional hidden state), then the head.


# %%
class AttentionDecoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embedding_size, padding_idx=pad)
        self.lstm = nn.LSTM(embedding_size, hidden_size, batch_first=True)
        self.score = nn.Linear(2 * hidden_size, hidden_size, bias=False)  # Luong's "general"
        self.combine = nn.Linear(2 * hidden_size + hidden_size, hidden_size)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, target_in, state, keys, source_mask):
        query, state = self.lstm(self.embed(target_in), state)  # (batch, tgt_len, H)
        scores = torch.bmm(query, self.score(keys).transpose(1, 2))  # (batch, tgt_len, src_len)
        scores = scores.masked_fill(~source_mask.unsqueeze(1), float("-inf"))
        weights = torch.softmax(scores, dim=2)  # over the source steps
        context = torch.bmm(weights, keys)  # (batch, tgt_len, 2 * H)
        attentional = torch.tanh(self.combine(torch.cat([context, query], dim=2)))
        return self.head(attentional), state, weights


def shift_right(target: torch.Tensor) -> torch.Tensor:
    """<s> followed by the target without its last token: (batch, max_len)."""
    return torch.cat([torch.full((target.shape[0], 1), start), target[:, :-1]], dim=1)


decoder = AttentionDecoder()
source_mask = torch.arange(max_len) < lengths_train[:4, None]  # True on real source steps
logits, _, weights = decoder(shift_right(target_train[:4]), (h_0, c_0), keys, source_mask)
print("logits:", tuple(logits.shape), "(batch, tgt_len, vocab_size)")
print("weights:", tuple(weights.shape), "(batch, tgt_len, src_len)")
print("each row sums to 1:", torch.allclose(weights.sum(dim=2), torch.ones(4, max_len)))
print("padded source steps get weight 0:", bool((weights.transpose(1, 2)[~source_mask] == 0).all()))
assert logits.shape == (4, max_len, vocab_size) and weights.shape == (4, max_len, max_len)

# %% [markdown]
# ## Training with teacher forcing
#
# Cross-entropy over every target position, classes on dimension 1; `ignore_index=pad` leaves the
# target's padding out of the loss.

# %%
optimizer = torch.optim.Adam([*encoder.parameters(), *decoder.parameters()], lr=0.01)
loss_fn = nn.CrossEntropyLoss(ignore_index=pad)
mask_train = torch.arange(max_len) < lengths_train[:, None]
target_in_train = shift_right(target_train)
for step in range(1, 61):
    batch = slice((step * 256) % 2048, (step * 256) % 2048 + 256)
    optimizer.zero_grad()
    keys, state = encoder(source_train[batch], lengths_train[batch])
    logits, _, _ = decoder(target_in_train[batch], state, keys, mask_train[batch])
    loss = loss_fn(logits.transpose(1, 2), target_train[batch])
    loss.backward()
    optimizer.step()
    if step % 10 == 0:
        print(f"step {step:3d}  loss {loss.item():.2f}")

# %% [markdown]
# ## Greedy decoding, one step at a time
#
# At test time the decoder feeds back its own best guess: one token a step, `(batch, 1)`, the
# state `(h, c)` carried by hand. The query of each step is the decoder's one-step `output`,
# `(batch, 1, H)`, which is its new `h[-1]`
# ([where that holds](../claims.md#output_batch_first_last_step)), and the scores of that step
# are `(batch, 1, src_len)`.

# %%
encoder.eval()
decoder.eval()
mask_test = torch.arange(max_len) < lengths_test[:, None]
with torch.no_grad():
    keys, state = encoder(source_test, lengths_test)
    token = torch.full((len(source_test), 1), start)
    predicted, attention = [], []
    for _ in range(max_len):
        logits_t, state, weights_t = decoder(token, state, keys, mask_test)
        token = logits_t.argmax(dim=-1)  # (batch, 1): the next input
        predicted.append(token)
        attention.append(weights_t)
    predicted = torch.cat(predicted, dim=1)
    attention = torch.cat(attention, dim=1)  # (batch, tgt_len, src_len)
h, c = state
print("one step: query h[-1]", tuple(h[-1].shape), " weights", tuple(weights_t.shape))
right = (predicted == target_test) | ~mask_test  # only the real target steps count
token_accuracy = (predicted == target_test)[mask_test].float().mean().item()
sequence_accuracy = right.all(dim=1).float().mean().item()
print("source:   ", source_test[0, : lengths_test[0]].tolist())
print("predicted:", predicted[0, : lengths_test[0]].tolist())
print(f"token accuracy {token_accuracy:.2f}, whole sequences right {sequence_accuracy:.2f}")
print("learned (token accuracy > 0.9):", token_accuracy > 0.9)
assert token_accuracy > 0.9

# %% [markdown]
# ## Where it looks
#
# Reversing a sequence of length `n`, target step `t` copies source step `n - 1 - t`. The
# attention weights show it on most target steps, not on all. The first line below gives, for the
# first test sequence, the source step with the most weight at each real target step: it is
# `n - 1 - t` at every step but one, printed on the second line. The third line gives the
# fraction of all the test set's real target steps whose strongest weight is on `n - 1 - t`:
# above 0.9, below 1.

# %%
length = lengths_test[0].item()
looked_at = attention[0, :length, :length].argmax(dim=1)
print("length", length, "- target step t looks at source step:", looked_at.tolist())
off = [t for t, s in enumerate(looked_at.tolist()) if s != length - 1 - t]
print("target steps that look elsewhere than n - 1 - t:", off)
assert len(off) == 1
mirrored = torch.stack(
    [
        attention[b, t, :n].argmax() == n - 1 - t
        for b, n in enumerate(lengths_test.tolist())
        for t in range(n)
    ]
)
share = mirrored.float().mean().item()
print(f"steps whose strongest weight is on source step n - 1 - t: {share:.2f}")
assert 0.9 < share < 1
print("no weight on padded source steps:", bool((attention.transpose(1, 2)[~mask_test] == 0).all()))

# %% [markdown]
# **Next:** the shapes of each tensor, the errors of a wrong bridge or a wrong `bmm`, and additive
# (Bahdanau) attention on [Encoders and decoders](../encoder-decoder.md); attention pooling for a
# classifier in the *Attention classification* recipe; the decoder without attention in the
# *Seq2seq* recipe.
