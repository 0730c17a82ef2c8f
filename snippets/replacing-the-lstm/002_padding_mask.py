import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
d_model, lengths = 8, torch.tensor([5, 2, 4])
sequences = [torch.randn(int(length), d_model) for length in lengths]
x = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, d_model), zeros after the end
layer = nn.TransformerEncoderLayer(d_model, nhead=2, dim_feedforward=16, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False).eval()


def real_steps_as_alone(output):
    """Each sequence's real steps against the encoder run on that sequence alone."""
    return all(
        torch.allclose(output[i, :n], encoder(seq.unsqueeze(0))[0], atol=1e-6)
        for i, (seq, n) in enumerate(zip(sequences, lengths, strict=True))
    )


# (batch, seq_len), True = padding, to be ignored. The same layout with batch_first=False.
padding_mask = torch.arange(x.shape[1]) >= lengths[:, None]
print("padding_mask:", tuple(padding_mask.shape), padding_mask[1].tolist())
with torch.no_grad():
    no_mask = encoder(x)
    masked = encoder(x, src_key_padding_mask=padding_mask)
    inverted = encoder(x, src_key_padding_mask=~padding_mask)  # True at the real steps
    print("real steps as when each sequence runs alone:")
    print("  no mask:              ", real_steps_as_alone(no_mask))
    print("  True at the padding:  ", real_steps_as_alone(masked))
    print("  True at real steps:   ", real_steps_as_alone(inverted))
    assert real_steps_as_alone(masked)
    assert not real_steps_as_alone(no_mask) and not real_steps_as_alone(inverted)

# A (seq_len, batch) mask is refused, with another message in eval mode without autograd
# (the encoder's fused path) than while training.
for training in (True, False):
    encoder.train(training)
    with torch.set_grad_enabled(training):
        try:
            encoder(x, src_key_padding_mask=padding_mask.T)
        except (AssertionError, RuntimeError) as error:
            print(f"training={training}: {type(error).__name__}: {error}")
