# %% [markdown]
# # Keras and TensorFlow mapping
#
# **The answer:** Keras's `return_sequences=True` output is PyTorch's `output`, and
# `return_state=True` adds `state_h, state_c`, which are PyTorch's `h_n[-1], c_n[-1]` for one
# direction, **h before c**. Keras is always batch-major and its states have no layer
# dimension. The weights port by transposing, with the same gate order and one bias instead of
# two.
#
# | Keras `keras.layers.LSTM` | PyTorch `nn.LSTM(..., batch_first=True)` |
# |---|---|
# | input: batch, then timesteps, then features, always | input: the same, with `batch_first=True` |
# | `LSTM(units)(x)`, the defaults → the last step | `output[:, -1]`, or `h_n[-1]` (one direction) |
# | `return_sequences=True` → every step | `output` |
# | `return_state=True` → `[output, state_h, state_c]` | `output, (h_n, c_n)` |
# | `state_h`, `state_c`: no layer dimension | `h_n[-1]`, `c_n[-1]`: the top row (one direction) |
# | `layer(x, initial_state=[h0, c0])` | `lstm(x, (h0.unsqueeze(0), c0.unsqueeze(0)))` |
# | two `LSTM` layers, the first `return_sequences=True` | `num_layers=2`; `h_n[0]`, `h_n[1]` |
# | `Bidirectional(LSTM(..., return_state=True))` | `nn.LSTM(..., bidirectional=True)` |
# | → `[output, forward_h, forward_c, backward_h, backward_c]` | `output`, `h_n[0]`, … `c_n[1]` |
# | `kernel` | `weight_ih_l0.T` |
# | `recurrent_kernel` | `weight_hh_l0.T` |
# | `bias` | `bias_ih_l0 + bias_hh_l0` (port: `bias` and zeros) |
# | gate order `i, f, c, o` | gate order `i, f, g, o`: the same |
# | `dropout=`: every step's inputs | `dropout=`: between stacked layers only |
#
# Every claim below is executed and asserted, the shapes of each row included; the outputs were
# produced when this site was built, with Keras 3 running on its PyTorch backend (no TensorFlow
# needed). Sizes: a batch of 3 sequences of 5 steps, 4 features, 6 hidden units.
#
# To run it yourself you need Keras 3 as well as torch: `pip install keras`. The first cell sets
# `KERAS_BACKEND=torch` before importing it, and each later cell uses what the cells above it
# defined: run them in order (or download the notebook).

# %%
import importlib
import inspect
import os
import warnings

os.environ["KERAS_BACKEND"] = "torch"  # must be set before keras is imported

import keras
import torch
from torch import nn

keras.utils.set_random_seed(0)  # seeds Python, NumPy and torch
torch.manual_seed(0)
batch, seq_len, input_size, hidden_size = 3, 5, 4, 6
x = torch.randn(batch, seq_len, input_size)
print("keras", keras.__version__, "on the", keras.backend.backend(), "backend")
print("x:", tuple(x.shape), "(batch, seq_len, input_size), for Keras and PyTorch alike")
assert keras.backend.backend() == "torch"

# %% [markdown]
# ## `return_sequences` and `return_state` are `output` and `(h_n, c_n)`
#
# With both switched on, a Keras LSTM returns three tensors: the hidden state at every step, then
# the last hidden state, then the last cell state. Next to it, `nn.LSTM(batch_first=True)`:

# %%
keras_lstm = keras.layers.LSTM(hidden_size, return_sequences=True, return_state=True)
result = keras_lstm(x)
sequences, state_h, state_c = result
print(f"Keras returns a {type(result).__name__} of {len(result)} tensors:")
print("  sequences:", tuple(sequences.shape), " state_h:", tuple(state_h.shape), end="")
print("  state_c:", tuple(state_c.shape))

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
output, (h_n, c_n) = lstm(x)
print("nn.LSTM returns output, (h_n, c_n):")
print("  output:   ", tuple(output.shape), " h_n:    ", tuple(h_n.shape), end="")
print("   c_n:    ", tuple(c_n.shape))
assert len(result) == 3
assert tuple(sequences.shape) == tuple(output.shape) == (batch, seq_len, hidden_size)
assert tuple(state_h.shape) == tuple(state_c.shape) == (batch, hidden_size)
assert tuple(h_n.shape) == tuple(c_n.shape) == (1, batch, hidden_size)

# %% [markdown]
# ## h comes before c
#
# The order is `[output, state_h, state_c]`: `state_h` is the last step of `sequences` (hidden
# states are what the sequence is made of), `state_c` is not. PyTorch nests the same two as
# `(h_n, c_n)`, also h first. With `return_sequences=False` (the default) the first tensor is
# the last step only, so it **is** `state_h`; with neither switch, that is all you get.

# %%
print("state_h == sequences[:, -1]:", torch.equal(state_h, sequences[:, -1]))
print("state_c == sequences[:, -1]:", torch.allclose(state_c, sequences[:, -1]))
assert torch.equal(state_h, sequences[:, -1])
assert not torch.allclose(state_c, sequences[:, -1])

last_only = keras.layers.LSTM(hidden_size, return_state=True)
last_output, last_h, last_c = last_only(x)
print("return_sequences=False, output:", tuple(last_output.shape), end="")
print("  output == state_h:", torch.equal(last_output, last_h))
assert torch.equal(last_output, last_h)

default_result = keras.layers.LSTM(hidden_size)(x)
print("defaults, LSTM(units)(x):", type(default_result).__name__, tuple(default_result.shape))
assert isinstance(default_result, torch.Tensor)
assert tuple(default_result.shape) == (batch, hidden_size)

# %% [markdown]
# ## Keras is batch-major, and its states have no layer dimension
#
# Keras 3 has no `batch_first` or `time_major` switch: its input is always `(batch, timesteps,
# features)` (the `tf.keras` layers of TensorFlow 2 took `time_major=True` for time-major input;
# that is not run here). Given to an `nn.LSTM` built without `batch_first=True`, that tensor raises
# no error and is read with the batch as the steps ([where that
# holds](../claims.md#batch_major_input_runs_silently)). Each Keras LSTM layer returns its own
# `(batch, units)` states, while `nn.LSTM` stacks its layers' states in a first dimension, even for
# a single layer. The Keras `state_h` therefore corresponds to `h_n[-1]` (or `h_n.squeeze(0)` for
# one layer), not `h_n`: the cell below compares their shapes, and the sections after it their
# values, with the weights ported from one to the other.

# %%
keras_arguments = inspect.signature(keras.layers.LSTM).parameters
print("Keras LSTM has a batch_first argument:", "batch_first" in keras_arguments)
print("Keras LSTM has a time_major argument: ", "time_major" in keras_arguments)
print("Keras state_h:", tuple(state_h.shape), "  nn.LSTM h_n[-1]:", tuple(h_n[-1].shape))
assert "batch_first" not in keras_arguments and "time_major" not in keras_arguments
assert tuple(h_n[-1].shape) == tuple(state_h.shape)

# %% [markdown]
# ## The gate order, read from the installed sources
#
# Both libraries stack the four gates' weights in one matrix. The Keras LSTM cell splits its
# pre-activations `z` into `z0, z1, z2, z3` and uses them as input gate, forget gate, candidate
# `c` and output gate. The PyTorch docstring lists the blocks of `weight_ih_l0` as
# `W_ii|W_if|W_ig|W_io`: the same order, `g` being PyTorch's name for the candidate. Keras's own
# torch backend says so too, when it hands Keras weights to PyTorch's LSTM kernel (a private
# module, read here only as evidence).

# %%
from keras.src.layers.rnn.lstm import LSTMCell

keras_torch_rnn = importlib.import_module("keras.src.backend.torch.rnn")  # the module, not rnn()

keras_gates = [
    line.strip()
    for line in inspect.getsource(LSTMCell._compute_carry_and_output_fused).splitlines()
    if "z" in line and "=" in line
]
torch_gates = [line.strip() for line in nn.LSTM.__doc__.splitlines() if "W_ii|W_if" in line]
backend_note = [
    line.strip()
    for line in inspect.getsource(keras_torch_rnn.prepare_lstm_params).splitlines()
    if "Gate order" in line
]
print("Keras LSTMCell:", *keras_gates, sep="\n    ")
print("nn.LSTM docstring:", *torch_gates, sep="\n    ")
print("keras/src/backend/torch/rnn.py:", *backend_note, sep="\n    ")
assert keras_gates[1:] == [
    "i = self.recurrent_activation(z0)",
    "f = self.recurrent_activation(z1)",
    "c = f * c_tm1 + i * self.activation(z2)",
    "o = self.recurrent_activation(z3)",
]
assert "(W_ii|W_if|W_ig|W_io)" in torch_gates[0]

# %% [markdown]
# ## Porting Keras weights into `nn.LSTM`
#
# Keras stores `kernel` as `(input_dim, 4 * units)` and `recurrent_kernel` as
# `(units, 4 * units)`: the transposes of `weight_ih_l0` and `weight_hh_l0`. Keras has one bias,
# PyTorch two that are always added together: put the Keras bias in `bias_ih_l0` and zeros in
# `bias_hh_l0`. The Keras bias starts as zeros with ones for the forget gate, so it is set to
# random values first: a bias in the wrong place must not go unnoticed.


# %%
def keras_to_torch(keras_layer: keras.layers.LSTM, lstm: nn.LSTM, suffix: str = "_l0") -> None:
    """Copy one Keras LSTM layer's weights into the nn.LSTM parameters ending in `suffix`."""
    kernel, recurrent_kernel, bias = (torch.from_numpy(w) for w in keras_layer.get_weights())
    with torch.no_grad():
        getattr(lstm, f"weight_ih{suffix}").copy_(kernel.T)
        getattr(lstm, f"weight_hh{suffix}").copy_(recurrent_kernel.T)
        getattr(lstm, f"bias_ih{suffix}").copy_(bias)
        getattr(lstm, f"bias_hh{suffix}").zero_()


keras_lstm.cell.bias.assign(torch.randn(4 * hidden_size))
for name, weight in zip(
    ["kernel", "recurrent_kernel", "bias"], keras_lstm.get_weights(), strict=True
):
    print(f"Keras {name + ':':17s} {weight.shape}")
for name, parameter in lstm.named_parameters():
    print(f"PyTorch {name + ':':13s} {tuple(parameter.shape)}")

keras_to_torch(keras_lstm, lstm)
sequences, state_h, state_c = keras_lstm(x)
output, (h_n, c_n) = lstm(x)
print("output == sequences:", torch.allclose(output, sequences, atol=1e-6))
print("h_n[-1] == state_h: ", torch.allclose(h_n[-1], state_h, atol=1e-6))
print("c_n[-1] == state_c: ", torch.allclose(c_n[-1], state_c, atol=1e-6))
print(f"largest difference: {(output - sequences).abs().max().item():.1e}")
assert torch.allclose(output, sequences, atol=1e-6)
assert torch.allclose(h_n[-1], state_h, atol=1e-6)
assert torch.allclose(c_n[-1], state_c, atol=1e-6)

# %% [markdown]
# `bias_hh_l0` really must be zeros: the two PyTorch biases are added together, so leaving
# PyTorch's own random `bias_hh_l0` in place shifts every gate, and the outputs no longer match.

# %%
with torch.no_grad():
    bound = hidden_size**-0.5
    lstm.bias_hh_l0.uniform_(-bound, bound)  # as nn.LSTM's default initialisation does
    wrong_output, _ = lstm(x)
    lstm.bias_hh_l0.zero_()
print("bias_hh_l0 left random, output == sequences:", torch.allclose(wrong_output, sequences))
assert not torch.allclose(wrong_output, sequences, atol=1e-3)

# %% [markdown]
# ## Counting parameters
#
# Keras's layer holds one bias, `nn.LSTM` two (`bias_ih_l0` and `bias_hh_l0`, always added): for
# the same sizes, `nn.LSTM` counts `4 * hidden_size` more numbers for each layer and direction.
# The formula, for every layer, direction and module, is on
# [Customising the layer](../customising.md#counting-parameters).

# %%
keras_count = keras_lstm.count_params()
torch_count = sum(parameter.numel() for parameter in lstm.parameters())
print("Keras count_params():", keras_count, "  nn.LSTM parameters:", torch_count)
print("difference:", torch_count - keras_count, "= 4 * hidden_size =", 4 * hidden_size)
assert torch_count - keras_count == 4 * hidden_size

# %% [markdown]
# ## And the other way: `nn.LSTM` weights into Keras
#
# Transpose back, and add the two PyTorch biases into the single Keras one. `set_weights` takes
# NumPy arrays in the order of `layer.weights`: kernel, recurrent kernel, bias.

# %%
torch_lstm = nn.LSTM(input_size, hidden_size, batch_first=True)  # fresh random weights
ported = keras.layers.LSTM(hidden_size, return_sequences=True, return_state=True)
ported.build((batch, seq_len, input_size))
with torch.no_grad():
    ported.set_weights(
        [
            torch_lstm.weight_ih_l0.T.numpy(),
            torch_lstm.weight_hh_l0.T.numpy(),
            (torch_lstm.bias_ih_l0 + torch_lstm.bias_hh_l0).numpy(),
        ]
    )
output, (h_n, c_n) = torch_lstm(x)
sequences, state_h, state_c = ported(x)
print("output == sequences:", torch.allclose(output, sequences, atol=1e-6))
print("h_n[-1] == state_h: ", torch.allclose(h_n[-1], state_h, atol=1e-6))
print("c_n[-1] == state_c: ", torch.allclose(c_n[-1], state_c, atol=1e-6))
assert torch.allclose(output, sequences, atol=1e-6)
assert torch.allclose(h_n[-1], state_h, atol=1e-6)
assert torch.allclose(c_n[-1], state_c, atol=1e-6)

# %% [markdown]
# ## Initial states
#
# Keras takes `initial_state=[h0, c0]`, each `(batch, units)`; PyTorch takes `(h_0, c_0)` with
# the layer dimension in front. With the weights ported above and the same initial state, the
# cell below finds the two results within `1e-6`.

# %%
h0, c0 = torch.randn(batch, hidden_size), torch.randn(batch, hidden_size)
sequences, state_h, state_c = ported(x, initial_state=[h0, c0])
output, (h_n, c_n) = torch_lstm(x, (h0.unsqueeze(0), c0.unsqueeze(0)))
print("Keras h0:", tuple(h0.shape), "  PyTorch h_0:", tuple(h0.unsqueeze(0).shape))
print("output == sequences:", torch.allclose(output, sequences, atol=1e-6))
print("h_n[-1] == state_h: ", torch.allclose(h_n[-1], state_h, atol=1e-6))
assert torch.allclose(output, sequences, atol=1e-6)
assert torch.allclose(h_n[-1], state_h, atol=1e-6)
assert torch.allclose(c_n[-1], state_c, atol=1e-6)

# %% [markdown]
# ## What `Bidirectional` returns, and its PyTorch equivalent
#
# `keras.layers.Bidirectional` wraps a forward copy and a backward copy of the layer. With
# `return_state=True` it returns five tensors, `[output, forward_h, forward_c, backward_h,
# backward_c]`, and `output` concatenates the two directions on the last axis (the default
# `merge_mode="concat"`). `nn.LSTM(bidirectional=True)` holding the same weights returns that
# output, within `1e-6` in the cell below, with `h_n[0]`,
# `c_n[0]` for the forward direction and `h_n[1]`, `c_n[1]` for the backward one. The backward
# direction's weights are the parameters ending in `_l0_reverse`.

# %%
keras_bi = keras.layers.Bidirectional(
    keras.layers.LSTM(hidden_size, return_sequences=True, return_state=True)
)
keras_bi.build((batch, seq_len, input_size))
for layer in (keras_bi.forward_layer, keras_bi.backward_layer):
    layer.cell.bias.assign(torch.randn(4 * hidden_size))

bi_lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=True)
keras_to_torch(keras_bi.forward_layer, bi_lstm, "_l0")
keras_to_torch(keras_bi.backward_layer, bi_lstm, "_l0_reverse")
result = keras_bi(x)
bi_sequences, forward_h, forward_c, backward_h, backward_c = result
print(f"Keras Bidirectional returns {len(result)} tensors:", [tuple(t.shape) for t in result])
output, (h_n, c_n) = bi_lstm(x)
print("nn.LSTM bidirectional: output", tuple(output.shape), " h_n", tuple(h_n.shape))
checks = {
    "output == Keras output": torch.allclose(output, bi_sequences, atol=1e-6),
    "h_n[0] == forward_h": torch.allclose(h_n[0], forward_h, atol=1e-6),
    "c_n[0] == forward_c": torch.allclose(c_n[0], forward_c, atol=1e-6),
    "h_n[1] == backward_h": torch.allclose(h_n[1], backward_h, atol=1e-6),
    "c_n[1] == backward_c": torch.allclose(c_n[1], backward_c, atol=1e-6),
}
for claim, holds in checks.items():
    print(f"  {claim}: {holds}")
assert len(result) == 5 and all(checks.values())
assert tuple(bi_sequences.shape) == (batch, seq_len, 2 * hidden_size)
assert tuple(h_n.shape) == (2, batch, hidden_size)

# %% [markdown]
# In both libraries the backward half of `output` is put back in input order: the forward
# direction ends at the last step, the backward direction at the first one.

# %%
forward_half, backward_half = bi_sequences[..., :hidden_size], bi_sequences[..., hidden_size:]
print("forward_h == output[:, -1, :hidden_size]: ", torch.equal(forward_h, forward_half[:, -1]))
print("backward_h == output[:, 0, hidden_size:]: ", torch.equal(backward_h, backward_half[:, 0]))
assert torch.equal(forward_h, forward_half[:, -1])
assert torch.equal(backward_h, backward_half[:, 0])

# %% [markdown]
# A bare Keras layer with `go_backwards=True` does **not** do that: its sequence comes out in
# reading order, last input step first, so its `state_h` is its *last* step. The `Bidirectional`
# wrapper flips it back, as PyTorch does.

# %%
backward_only = keras.layers.LSTM(
    hidden_size, go_backwards=True, return_sequences=True, return_state=True
)
backward_only.build((batch, seq_len, input_size))
backward_only.set_weights(keras_bi.backward_layer.get_weights())
reversed_sequences, reversed_h, _ = backward_only(x)
print(
    "go_backwards: state_h == sequences[:, -1]:", torch.equal(reversed_h, reversed_sequences[:, -1])
)
in_order = torch.flip(reversed_sequences, dims=[1])
print("flipped == Bidirectional's backward half: ", torch.allclose(in_order, backward_half))
assert torch.equal(reversed_h, reversed_sequences[:, -1])
assert torch.allclose(in_order, backward_half)

# %% [markdown]
# ## Stacked Keras layers are `num_layers`
#
# Two Keras LSTM layers, the first with `return_sequences=True` so the second gets a sequence,
# are one `nn.LSTM(num_layers=2)`. The second Keras layer goes into the `_l1` parameters.
# PyTorch's `h_n` holds both layers' final states; Keras gives each layer's from its own call.

# %%
first = keras.layers.LSTM(hidden_size, return_sequences=True, return_state=True)
second = keras.layers.LSTM(hidden_size, return_sequences=True, return_state=True)
first.build((batch, seq_len, input_size))
second.build((batch, seq_len, hidden_size))
for layer in (first, second):
    layer.cell.bias.assign(torch.randn(4 * hidden_size))
sequences_1, h_1, c_1 = first(x)
sequences_2, h_2, c_2 = second(sequences_1)

stacked = nn.LSTM(input_size, hidden_size, num_layers=2, batch_first=True)
keras_to_torch(first, stacked, "_l0")
keras_to_torch(second, stacked, "_l1")
output, (h_n, c_n) = stacked(x)
print("h_n:", tuple(h_n.shape))
print("output == second layer's sequences:", torch.allclose(output, sequences_2, atol=1e-6))
print("h_n[0] == first layer's state_h:   ", torch.allclose(h_n[0], h_1, atol=1e-6))
print("h_n[1] == second layer's state_h:  ", torch.allclose(h_n[1], h_2, atol=1e-6))
assert torch.allclose(output, sequences_2, atol=1e-6)
assert torch.allclose(h_n[0], h_1, atol=1e-6) and torch.allclose(h_n[1], h_2, atol=1e-6)
assert torch.allclose(c_n[0], c_1, atol=1e-6) and torch.allclose(c_n[1], c_2, atol=1e-6)

# %% [markdown]
# ## Defaults: what is the same, what differs
#
# The cell is the same: `tanh` and `sigmoid`, `float32` weights. What differs is the
# initialisation, which only matters when training from scratch, not for ported weights: Keras
# uses Glorot-uniform input weights, orthogonal recurrent weights, and a zero bias with ones for
# the forget gate (`unit_forget_bias=True`); PyTorch draws everything, both biases included, from
# a uniform distribution in ±1/√hidden_size.

# %%
fresh = keras.layers.LSTM(hidden_size)
fresh.build((batch, seq_len, input_size))
cell = fresh.cell
fresh_lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
activations = (cell.activation.__name__, cell.recurrent_activation.__name__)
print("Keras activation, recurrent_activation:", *activations)
print("dtypes:", fresh.dtype, "(Keras),", fresh_lstm.weight_ih_l0.dtype, "(PyTorch)")
initialisers = type(cell.kernel_initializer).__name__, type(cell.recurrent_initializer).__name__
print("Keras initialisers:", *initialisers, " unit_forget_bias:", cell.unit_forget_bias)

bias_i, bias_f, bias_c, bias_o = torch.from_numpy(cell.bias.numpy()).chunk(4)
other_gates = torch.cat([bias_i, bias_c, bias_o])
print("fresh Keras bias, forget gate all ones:  ", torch.equal(bias_f, torch.ones(hidden_size)))
print(
    "fresh Keras bias, other gates all zeros:",
    torch.equal(other_gates, torch.zeros(3 * hidden_size)),
)
bound = hidden_size**-0.5
torch_biases = torch.cat([fresh_lstm.bias_ih_l0, fresh_lstm.bias_hh_l0]).detach()
in_bound = bool(torch_biases.abs().max() <= bound) and bool(torch_biases.any())
print("fresh PyTorch biases, random within ±1/√hidden_size:", in_bound)
assert activations == ("tanh", "sigmoid")
assert fresh.dtype == "float32" and fresh_lstm.weight_ih_l0.dtype == torch.float32
assert initialisers == ("GlorotUniform", "Orthogonal") and cell.unit_forget_bias
assert torch.equal(bias_f, torch.ones(hidden_size))
assert torch.equal(other_gates, torch.zeros(3 * hidden_size))
assert in_bound

# %% [markdown]
# `dropout` means different things. Keras's `dropout=` drops input units inside the layer (and
# `recurrent_dropout=` recurrent units), as its docstring says. PyTorch's `dropout=` only applies
# to the outputs of each layer but the last, so on a single layer it does nothing, and PyTorch
# warns:

# %%
keras_doc = [line.strip() for line in keras.layers.LSTM.__doc__.splitlines()]
dropout_doc = next(i for i, line in enumerate(keras_doc) if line.startswith("dropout:"))
print("Keras:  ", " ".join(keras_doc[dropout_doc : dropout_doc + 2]))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.LSTM(input_size, hidden_size, batch_first=True, dropout=0.5)
print("PyTorch:", caught[0].message)
assert "transformation of the inputs" in " ".join(keras_doc[dropout_doc : dropout_doc + 2])
assert "expects num_layers greater than 1" in str(caught[0].message)

# %% [markdown]
# ## Pitfalls
#
# - `h_n` has a layer dimension that Keras's `state_h` has not: compare `state_h` with
#   `h_n[-1]`, and give PyTorch `h0.unsqueeze(0)` where Keras took `h0`.
# - Without `batch_first=True`, `nn.LSTM` silently reads the first dimension of a Keras-shaped
#   `(batch, timesteps, features)` tensor as time: no error, wrong results. See
#   [batch_first](../batch-first.md).
# - Keras's default `return_sequences=False` gives the last step only; PyTorch always returns
#   every step in `output`.
# - Porting: transpose `kernel` and `recurrent_kernel`; put the bias in `bias_ih_l0` and zero
#   `bias_hh_l0` (or add the two PyTorch biases when going to Keras).
# - A bare `go_backwards=True` layer returns its sequence reversed; `Bidirectional` and
#   PyTorch's backward direction do not.
# - Weights from TensorFlow 1 cells (`tf.compat.v1.nn.rnn_cell.LSTMCell`, `BasicLSTMCell`) use
#   another layout (not executed here: TensorFlow is not installed): one kernel with the input
#   and recurrent weights stacked, gates in the order `i, j, f, o` (the candidate `j` second),
#   a `forget_bias` (default 1) added at run time rather than stored, and the state as `(c, h)`.
#   Reorder the gate blocks and add `forget_bias` to the forget gate's bias when porting.
#
# Related: [output vs (h_n, c_n)](../output-vs-state.md),
# [bidirectional](../bidirectional.md), [stacked layers](../stacked-layers.md),
# [initial state](../initial-state.md), [inside the cell](../inside-the-cell.md).
