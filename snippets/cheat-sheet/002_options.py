import warnings

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

# On CPU, torch warns once that oneDNN has no LSTM-with-projections kernel: harmless, silenced.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers, proj_size = 5, 3, 7, 20, 2, 8
lengths = [5, 4, 2]  # for the packed row: 11 steps in all
# Every size is a different number, so each measured shape reads back as names.
names = {5: "seq_len", 3: "batch", 7: "input_size", 20: "hidden_size", 2: "num_layers"}
names |= {8: "proj_size", 40: "2 * hidden_size", 4: "2 * num_layers", 11: "sum(lengths)"}


def named(tensor):
    return "(" + ", ".join(names[size] for size in tensor.shape) + ")"


def run(x=None, **options):
    lstm = nn.LSTM(input_size, hidden_size, num_layers, **options)
    if x is None:
        x = torch.randn(seq_len, batch, input_size)
    return lstm(x)


rows = {
    "default": run(),
    "`batch_first=True`": run(torch.randn(batch, seq_len, input_size), batch_first=True),
    "`bidirectional=True`": run(bidirectional=True),
    "`proj_size=8`": run(proj_size=proj_size),
    "packed input": run(pack_padded_sequence(torch.randn(seq_len, batch, input_size), lengths)),
    "unbatched `x`": run(torch.randn(seq_len, input_size)),
}
print("| Option | `output` | `h_n` | `c_n` |")
print("|---|---|---|---|")
for option, (output, (h_n, c_n)) in rows.items():
    if isinstance(output, torch.nn.utils.rnn.PackedSequence):
        shown = f"`.data` `{named(output.data)}`"
    else:
        shown = f"`{named(output)}`"
    print(f"| {option} | {shown} | `{named(h_n)}` | `{named(c_n)}` |")

assert rows["`batch_first=True`"][0].shape == (batch, seq_len, hidden_size)
assert rows["`batch_first=True`"][1][0].shape == (num_layers, batch, hidden_size)
assert rows["`bidirectional=True`"][1][0].shape == (2 * num_layers, batch, hidden_size)
assert rows["`proj_size=8`"][1][0].shape == (num_layers, batch, proj_size)
assert rows["`proj_size=8`"][1][1].shape == (num_layers, batch, hidden_size)
assert rows["packed input"][0].data.shape == (sum(lengths), hidden_size)
assert rows["unbatched `x`"][1][0].shape == (num_layers, hidden_size)
