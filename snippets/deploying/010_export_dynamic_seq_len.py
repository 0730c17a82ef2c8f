import textwrap
import warnings

import torch
from torch import nn
from torch.export import Dim, export
from torch.export._patches import register_lstm_while_loop_decomposition
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
warnings.simplefilter("ignore")  # export warns about nn.LSTM's _flat_weights


class Packing(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)
        return h_n


seq_first = {0: Dim("seq_len")}  # steps first: (seq_len, batch, input_size)
models = {  # name: (model, example inputs, dynamic shapes); examples of 5 steps
    "1 layer": (
        nn.LSTM(input_size, hidden_size),
        (torch.randn(5, 3, input_size),),
        (seq_first,),
    ),
    "2 layers, bidirectional, batch_first": (
        nn.LSTM(input_size, hidden_size, 2, bidirectional=True, batch_first=True),
        (torch.randn(3, 5, input_size),),
        ({1: Dim("seq_len")},),
    ),
    "2 layers, proj_size=2, unbatched": (
        nn.LSTM(input_size, hidden_size, 2, proj_size=2),
        (torch.randn(5, input_size),),
        (seq_first,),
    ),
    "packing inside forward": (
        Packing(),
        (torch.randn(5, 3, input_size), torch.tensor([5, 2, 4])),
        (seq_first, None),
    ),
}
messages = []
for name, (model, inputs, dynamic) in models.items():
    try:
        export(model.eval(), inputs, dynamic_shapes=dynamic)
    except (torch._dynamo.exc.UserError, TypeError) as error:
        message = f"{type(error).__name__}: {error}"
        if message not in messages:  # each message once, in full
            shown = " ".join(line.strip() for line in message.splitlines()[:2])
            print(textwrap.fill(shown, width=88, subsequent_indent="    "))
            messages.append(message)
        print(f"  {name}: fails")
    else:
        raise AssertionError(f"{name} exported")
assert "specialized it to be a constant (5)" in messages[0] and len(messages) == 2

# What torch.onnx.export does with dynamic shapes: a while_loop decomposition of
# aten.lstm. The exports above cached another kernel for aten.lstm (an internal
# cache): it shadows the decomposition until the cache is cleared.
lstm, inputs, dynamic = models["2 layers, bidirectional, batch_first"]
for clear in (False, True):
    if clear:
        torch.ops.aten.lstm.input._dispatch_cache.clear()
    try:
        with register_lstm_while_loop_decomposition():
            program = export(lstm, inputs, dynamic_shapes=dynamic)
        print(f"with the while_loop decomposition, cache cleared={clear}: exports")
    except torch._dynamo.exc.UserError as error:
        print(f"with the while_loop decomposition, cache cleared={clear}: fails")
        assert not clear and "specialized it to be a constant (5)" in str(error)

x = torch.randn(3, 9, input_size)  # 9 steps: another length than the example's
with torch.no_grad():
    exported, eager = program.module()(x)[0], lstm(x)[0]
same = torch.allclose(exported, eager, atol=1e-6)
print(f"seq_len 9: output {tuple(exported.shape)}, close to eager (1e-06): {same}")
assert same
