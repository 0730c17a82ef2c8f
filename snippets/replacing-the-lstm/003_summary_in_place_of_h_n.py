import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
d_model, lengths = 8, torch.tensor([5, 2, 4])
sequences = [torch.randn(int(length), d_model) for length in lengths]
x = pad_sequence(sequences, batch_first=True)
padding_mask = torch.arange(x.shape[1]) >= lengths[:, None]
layer = nn.TransformerEncoderLayer(d_model, nhead=2, dim_feedforward=16, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False).eval()

with torch.no_grad():
    output = encoder(x, src_key_padding_mask=padding_mask)
    print("result at padded steps all 0:", bool((output[padding_mask] == 0).all()))
    # 1. Masked mean over the real steps: one (d_model,) vector per sequence, like h_n[-1].
    keep = (~padding_mask).unsqueeze(-1)  # (batch, seq_len, 1)
    mean = (output * keep).sum(dim=1) / lengths[:, None]
    alone = torch.stack([encoder(seq.unsqueeze(0))[0].mean(0) for seq in sequences])
    print("masked mean:", tuple(mean.shape))
    print("  as each sequence alone:", torch.allclose(mean, alone, atol=1e-6))
    print("plain mean over every step:", tuple(output.mean(dim=1).shape))
    print("  as each sequence alone:", torch.allclose(output.mean(dim=1), alone, atol=1e-6))

# 2. A learned CLS vector in front of every sequence; its output is the summary.
cls = nn.Parameter(torch.randn(1, 1, d_model))
with_cls = torch.cat([cls.expand(x.shape[0], -1, -1), x], dim=1)
cls_mask = torch.cat([torch.zeros(x.shape[0], 1, dtype=torch.bool), padding_mask], dim=1)
summary = encoder(with_cls, src_key_padding_mask=cls_mask)[:, 0]
summary.sum().backward()
print("CLS summary:", tuple(summary.shape))
print("  the CLS vector is trained:", cls.grad is not None)
assert not bool((output[padding_mask] == 0).all())
assert torch.allclose(mean, alone, atol=1e-6) and summary.shape == (3, d_model)
assert not torch.allclose(output.mean(dim=1), alone, atol=1e-6)
