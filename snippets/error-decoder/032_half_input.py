import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20

lstm = nn.LSTM(input_size, hidden_size)  # float32 weights
x = torch.randn(seq_len, batch, input_size)


def caught(call):
    try:
        call()
    except ValueError as error:
        return f"{type(error).__name__}: {error}"
    raise AssertionError("no error")


half_input = caught(lambda: lstm(x.half()))  # float16 data into a float32 model
bfloat16_input = caught(lambda: lstm(x.bfloat16()))
float32_into_bfloat16 = caught(lambda: nn.LSTM(input_size, hidden_size).bfloat16()(x))
for message in (half_input, bfloat16_input, float32_into_bfloat16):
    print(message)
assert "RNN input dtype (torch.float16) does not match weight dtype (torch.float32)" in half_input
assert "(torch.float32) does not match weight dtype (torch.bfloat16)" in float32_into_bfloat16

# Fix: give the input the dtype of the weights, whatever that is.
weight_dtype = lstm.weight_ih_l0.dtype
output, (h_n, c_n) = lstm(x.half().to(weight_dtype))
print("input.to(weight dtype):", output.dtype, tuple(output.shape))
assert output.dtype == torch.float32
