import warnings

from torch import nn

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")
input_size, hidden_size = 10, 20


def formula(num_layers=1, bidirectional=False, proj_size=0, gates=4):
    """Per layer and direction: G*H*(in_k + H_out) + 2*G*H (two biases) + H_out*H (projection)."""
    D, H = 2 if bidirectional else 1, hidden_size
    H_out = proj_size or H
    total = 0
    for k in range(num_layers):
        in_k = input_size if k == 0 else D * H_out
        total += D * (gates * H * (in_k + H_out) + 2 * gates * H + proj_size * H)
    return total


rows = [
    ("LSTM", {}, 4),
    ("LSTM", {"num_layers": 2, "bidirectional": True}, 4),
    ("LSTM", {"num_layers": 2, "proj_size": 5}, 4),
    ("GRU", {"num_layers": 2}, 3),
    ("RNN", {"num_layers": 2}, 1),
]
print(f"{'module':46s} {'counted':>8s} {'formula':>8s}")
for kind, options, gates in rows:
    module = getattr(nn, kind)(input_size, hidden_size, **options)
    counted = sum(p.numel() for p in module.parameters())
    expected = formula(**options, gates=gates)
    arguments = ", ".join(["10", "20"] + [f"{key}={value}" for key, value in options.items()])
    print(f"{f'nn.{kind}({arguments})':46s} {counted:8d} {expected:8d}")
    assert counted == expected

one_layer = formula()
print("one LSTM layer:", one_layer, "=", f"4*20*(10+20) + 8*20 = {4 * 20 * 30 + 8 * 20}")
print("the same layer less one bias of 4*hidden_size:", one_layer - 4 * hidden_size)
assert one_layer == 4 * 20 * 30 + 8 * 20
