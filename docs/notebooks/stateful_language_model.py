# %% [markdown]
# # Stateful language model: carry `(h, c)` across chunks, detach it
#
# A character-level language model trained on one long text with **truncated backpropagation
# through time**: the text is cut into chunks, the final state `(h_n, c_n)` of each chunk becomes
# the initial state of the next, and it is detached in between so that backward stops at the chunk
# boundary. Everything runs on a CPU in a few seconds; the outputs below were produced when this
# site was built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe:** `logits, (h, c) = model(chunk, (h, c))`, backward and step, then
# `h, c = h.detach(), c.detach()` before the next chunk. The state keeps its shape
# `(num_layers, batch, hidden_size)` from chunk to chunk.
#
# **The data.** A sentence repeated into a text of about 4,000 characters, with one character in
# ten replaced by a random one: a pattern to learn, and noise that no model can predict.

# %%
import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
sentence = "an lstm carries its state. "
chars = sorted(set(sentence))
vocab_size, batch, steps_per_row, chunk_len = len(chars), 16, 256, 32
embedding_size, hidden_size, num_layers = 16, 32, 2

clean = torch.tensor([chars.index(ch) for ch in sentence]).repeat(200)[: batch * steps_per_row + 1]
noisy = torch.rand(len(clean)) < 0.1
text = torch.where(noisy, torch.randint(0, vocab_size, clean.shape), clean)
print("vocabulary:", "".join(chars).replace(" ", "␣"), f"({vocab_size} characters)")
print("text:", len(text), "characters, starting", repr("".join(chars[i] for i in text[:54])))
print(f"share of noisy characters: {noisy.float().mean().item():.2f}")

# %% [markdown]
# ## Batches of parallel streams, cut into chunks
#
# The classic layout: cut the text into `batch` rows that each continue where the row is cut, so
# row `b` of one chunk is followed by row `b` of the next chunk. That is what makes carrying the
# state meaningful: the state of row `b` at the end of a chunk is the right starting state for row
# `b` of the next one. The target at each step is the next character.

# %%
inputs = text[:-1].view(batch, steps_per_row)  # (batch, steps): 16 rows of 256 characters
targets = text[1:].view(batch, steps_per_row)  # the same, one character later
input_chunks = inputs.split(chunk_len, dim=1)
target_chunks = targets.split(chunk_len, dim=1)
print(
    "inputs:",
    tuple(inputs.shape),
    " chunks:",
    len(input_chunks),
    "of",
    tuple(input_chunks[0].shape),
)
print("row 1, chunk 0:", repr("".join(chars[i] for i in input_chunks[0][1])))
print("row 1, chunk 1:", repr("".join(chars[i] for i in input_chunks[1][1])), "(continues it)")
assert torch.equal(torch.cat(input_chunks, dim=1), inputs)
assert torch.equal(targets[:, :-1], inputs[:, 1:])

# %% [markdown]
# ## The model: it takes a state and returns one
#
# The model passes an initial state to the LSTM (`None` means zeros) and returns the final
# `(h_n, c_n)` with the logits, so the caller can feed it to the next chunk.


# %%
class CharModel(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embedding_size)
        self.lstm = nn.LSTM(embedding_size, hidden_size, num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, x: torch.Tensor, state: tuple | None = None) -> tuple[torch.Tensor, tuple]:
        output, (h_n, c_n) = self.lstm(self.embed(x), state)  # state None: zeros
        return self.head(output), (h_n, c_n)


model = CharModel()
logits, (h, c) = model(input_chunks[0])
print("logits:", tuple(logits.shape), " h:", tuple(h.shape), " c:", tuple(c.shape))
logits, (h, c) = model(input_chunks[1], (h, c))  # the next chunk starts from that state
print("after the next chunk, h:", tuple(h.shape), " c:", tuple(c.shape))
assert h.shape == c.shape == (num_layers, batch, hidden_size)

# %% [markdown]
# ## Why detach: without it, the second backward fails
#
# The state returned by a chunk is the end of that chunk's computation graph. Fed into the next
# chunk as it is, it links the next loss to **every earlier chunk**. The first `backward()` frees
# the first chunk's graph, so the second one, which must go through it again, fails:

# %%
loss_fn = nn.CrossEntropyLoss()
state = None
try:
    for chunk in range(2):
        logits, state = model(input_chunks[chunk], state)  # state not detached
        loss_fn(logits.permute(0, 2, 1), target_chunks[chunk]).backward()
        print(f"chunk {chunk}: backward done")
except RuntimeError as error:
    print(f"chunk {chunk}: {error}")
    assert "backward through the graph a second time" in str(error)

# %% [markdown]
# `backward(retain_graph=True)` silences that error but is not the fix. The old chunks' graphs are
# kept, so every backward runs through the whole history since the first chunk, and they hold the
# weights as they were: once `optimizer.step()` has updated the weights in place, going back
# through an old chunk fails too.

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
state = None
try:
    for chunk in range(2):
        optimizer.zero_grad()
        logits, state = model(input_chunks[chunk], state)  # state not detached
        loss_fn(logits.permute(0, 2, 1), target_chunks[chunk]).backward(retain_graph=True)
        optimizer.step()
        print(f"chunk {chunk}: backward and step done")
except RuntimeError as error:
    print(f"chunk {chunk}: {error}")
    assert "modified by an inplace operation" in str(error)

# %% [markdown]
# `detach()` is the fix. It keeps the **values** of `(h, c)`, so the next chunk still starts where
# the last one ended, but cuts the graph: backward stops at the chunk boundary, which is what
# "truncated" means.

# %%
h_detached, c_detached = h.detach(), c.detach()
print("before detach: h.grad_fn =", type(h.grad_fn).__name__)
print("after detach:  h.grad_fn =", h_detached.grad_fn, " same values:", torch.equal(h_detached, h))
assert h_detached.grad_fn is None and torch.equal(h_detached, h)

# %% [markdown]
# ## Training with truncated BPTT
#
# Each epoch walks through the chunks in order, starting from a zero state and carrying the
# detached state from chunk to chunk. The loss printed is the mean over the epoch's chunks.

# %%
torch.manual_seed(1)
model = CharModel()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
epoch_losses = []
for epoch in range(1, 11):
    h = c = torch.zeros(num_layers, batch, hidden_size)  # a fresh start at each epoch
    chunk_losses = []
    for x, y in zip(input_chunks, target_chunks, strict=True):
        optimizer.zero_grad()
        logits, (h, c) = model(x, (h, c))
        loss = loss_fn(logits.permute(0, 2, 1), y)
        loss.backward()
        optimizer.step()
        h, c = h.detach(), c.detach()  # keep the values, cut the graph
        chunk_losses.append(loss.item())
    epoch_losses.append(sum(chunk_losses) / len(chunk_losses))
    print(f"epoch {epoch:2d}  loss {epoch_losses[-1]:.3f}  carried h {tuple(h.shape)}")
assert epoch_losses[-1] < epoch_losses[0] / 2

# %% [markdown]
# ## What the carried state is worth
#
# Evaluate the trained model twice on the whole text: once carrying the state across chunks, as in
# training, and once resetting it to zeros at each chunk. Without the carried state, the first
# characters of every chunk are predicted without context.

# %%
model.eval()
with torch.no_grad():
    carried, reset, state = [], [], None
    for x, y in zip(input_chunks, target_chunks, strict=True):
        logits, state = model(x, state)
        carried.append(loss_fn(logits.permute(0, 2, 1), y).item())
        logits, _ = model(x)  # zero initial state
        reset.append(loss_fn(logits.permute(0, 2, 1), y).item())
carried_loss, reset_loss = sum(carried) / len(carried), sum(reset) / len(reset)
print(f"loss with the state carried across chunks: {carried_loss:.3f}")
print(f"loss with the state reset at each chunk:   {reset_loss:.3f}")
assert carried_loss < reset_loss

# %% [markdown]
# ## Generating: the same carried state, one character at a time
#
# Generation is the same loop with chunks of one character: feed a prompt, then feed back the most
# likely next character, carrying `(h, c)` from step to step.

# %%
with torch.no_grad():
    prompt = torch.tensor([[chars.index(ch) for ch in "an lstm "]])  # (1, 8): a batch of one
    logits, state = model(prompt)
    generated = []
    for _ in range(46):
        token = logits[:, -1:].argmax(dim=-1)  # (1, 1)
        generated.append(chars[token.item()])
        logits, state = model(token, state)
print("state for a batch of one:", tuple(state[0].shape))
print("generated:", repr("an lstm " + "".join(generated)))
assert "".join(generated).startswith("carries its state.")

# %% [markdown]
# **Next:** passing `(h_0, c_0)` and carrying the state on
# [Initial and carried state](../initial-state.md); what `(h_n, c_n)` holds on
# [output vs (h_n, c_n)](../output-vs-state.md); a decoder that starts from another LSTM's state
# in the *Seq2seq* recipe.
