import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, d_model = 3, 5, 8
x = torch.randn(batch, seq_len, d_model)
lengths = torch.tensor([5, 2, 4])
padding_mask = torch.arange(seq_len) >= lengths[:, None]  # (batch, seq_len), True = padding


def encoder_of(nested):
    layer = nn.TransformerEncoderLayer(d_model, nhead=2, dim_feedforward=16, batch_first=True)
    return nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=nested)


def message(encoder, x, mask, training):
    encoder.train(training)
    with torch.set_grad_enabled(training):
        try:
            encoder(x, src_key_padding_mask=mask)
        except (AssertionError, RuntimeError) as error:
            return f"{type(error).__name__}: {error}"
    return "runs"


# The mask laid out (seq_len, batch): one message while training, others in eval mode.
encoder, plain = encoder_of(True), encoder_of(False)
for label, model, training in [
    ("training", encoder, True),
    ("eval", encoder, False),
    ("eval, enable_nested_tensor=False", plain, False),
]:
    print(f"{label}:\n    {message(model, x, padding_mask.T, training)}")
assert message(encoder, x, padding_mask, training=True) == "runs"

# Silent when batch == seq_len: the transposed mask fits, and hides other steps.
square, square_mask = x[:, :3], padding_mask[:, :3]  # (3, 3, d_model), (3, 3)
with torch.no_grad():
    wrong = plain(square, src_key_padding_mask=square_mask.T)
    right = plain(square, src_key_padding_mask=square_mask)
print("batch == seq_len == 3: the transposed mask runs; right:", torch.equal(wrong, right))
assert not torch.equal(wrong, right)

# A TransformerEncoder returns one tensor: the LSTM's unpacking splits it on dimension 0.
try:
    output, (h_n, c_n) = plain(x)
except ValueError as error:
    print(f"output, (h_n, c_n) = encoder(x):\n    {type(error).__name__}: {error}")
output = plain(x, src_key_padding_mask=padding_mask)  # the fix: one tensor, no state
print("output = encoder(x, src_key_padding_mask=...):", tuple(output.shape))
assert output.shape == (batch, seq_len, d_model)
