import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6
lstm = nn.LSTM(input_size, hidden_size)  # float32 weights on the CPU
x = torch.randn(seq_len, batch, input_size)
h_0, c_0 = torch.zeros(1, batch, hidden_size), torch.zeros(1, batch, hidden_size)

# Each call mixes one dtype or device into the float32 CPU module. "meta" is a
# device without data: it stands in for a GPU on this machine, which has none.
mistakes = {
    "float64 x": lambda: lstm(x.double()),
    "float16 x": lambda: lstm(x.half()),
    "bfloat16 x": lambda: lstm(x.bfloat16()),
    "float64 (h_0, c_0), float32 x": lambda: lstm(x, (h_0.double(), c_0.double())),
    "float64 (h_0, c_0), packed float32 x": lambda: lstm(
        pack_padded_sequence(x, [5, 3, 2]), (h_0.double(), c_0.double())
    ),
    "x on meta": lambda: lstm(x.to("meta")),
    "(h_0, c_0) on meta": lambda: lstm(x, (h_0.to("meta"), c_0.to("meta"))),
}
for name, call in mistakes.items():
    try:
        call()
    except (RuntimeError, ValueError) as error:  # the type depends on the check
        print(f"{name}:\n  {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"{name} ran")

# The fix: bring the input and the state to the weights' dtype and device.
x, h_0 = x.double(), h_0.double()  # as NumPy data arrives
weight = lstm.weight_ih_l0
x = x.to(dtype=weight.dtype, device=weight.device)
h_0, c_0 = (t.to(dtype=weight.dtype, device=weight.device) for t in (h_0, c_0))
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("fixed:", output.dtype, output.device, tuple(output.shape))
assert output.dtype == torch.float32 and output.device.type == "cpu"
