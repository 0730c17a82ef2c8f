import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 10, 20


def shapes(result):
    """The shape of every tensor in what a module returns, keeping the nesting."""
    if isinstance(result, torch.Tensor):
        return tuple(result.shape)
    return tuple(shapes(part) for part in result)


x = torch.randn(seq_len, batch, input_size)
x_t = x[0]  # the cells take ONE step: (batch, input_size)
results = {  # name: (how to unpack it, what it returns)
    "nn.LSTM": ("output, (h_n, c_n)", nn.LSTM(input_size, hidden_size)(x)),
    "nn.GRU": ("output, h_n", nn.GRU(input_size, hidden_size)(x)),
    "nn.RNN": ("output, h_n", nn.RNN(input_size, hidden_size)(x)),
    "nn.LSTMCell": ("h_1, c_1", nn.LSTMCell(input_size, hidden_size)(x_t)),
    "nn.GRUCell": ("h_1", nn.GRUCell(input_size, hidden_size)(x_t)),
    "nn.RNNCell": ("h_1", nn.RNNCell(input_size, hidden_size)(x_t)),
}
for name, (unpack, result) in results.items():
    print(f"{name:<11} -> {unpack:<18} {shapes(result)}")

every_step = (seq_len, batch, hidden_size)
last_step = (1, batch, hidden_size)  # (num_layers, batch, hidden_size)
one_step = (batch, hidden_size)
assert shapes(results["nn.LSTM"][1]) == (every_step, (last_step, last_step))
assert shapes(results["nn.GRU"][1]) == shapes(results["nn.RNN"][1]) == (every_step, last_step)
assert shapes(results["nn.LSTMCell"][1]) == (one_step, one_step)
assert shapes(results["nn.GRUCell"][1]) == shapes(results["nn.RNNCell"][1]) == one_step
