import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6
x = torch.randn(seq_len, batch, input_size)
print("CPU capability:", torch.backends.cpu.get_cpu_capability())

# A whole module in bfloat16 or float16, fed input of its dtype, autograd on.
for dtype in (torch.bfloat16, torch.float16):
    lstm = nn.LSTM(input_size, hidden_size).to(dtype)
    output, (h_n, c_n) = lstm(x.to(dtype))
    output.float().sum().backward()
    grad = lstm.weight_hh_l0.grad
    print(f"module in {dtype}: output {output.dtype}, grad {grad.dtype}")
    assert output.dtype == dtype and grad.dtype == dtype

# A float32 module and float32 input under autocast: the LSTM runs in bfloat16.
lstm = nn.LSTM(input_size, hidden_size)
with torch.autocast("cpu", dtype=torch.bfloat16):
    output, (h_n, c_n) = lstm(x)
    packed_output, _ = lstm(pack_padded_sequence(x, [5, 3, 2]))
print("autocast bfloat16: output", output.dtype, "h_n", h_n.dtype, "c_n", c_n.dtype)
print("autocast bfloat16, packed input: output", packed_output.data.dtype)
assert output.dtype == h_n.dtype == c_n.dtype == torch.bfloat16
assert packed_output.data.dtype == torch.float32

with torch.autocast("cpu", dtype=torch.float16):
    try:
        lstm(x)
    except RuntimeError as error:
        message = f"{type(error).__name__}: {error}"
        print("autocast float16:\n ", message)
        assert "could not create a primitive descriptor" in message
    else:
        print("autocast float16: runs")
