import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size, num_layers = 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
shapes = {name: tuple(parameter.shape) for name, parameter in lstm.named_parameters()}
for name, shape in shapes.items():
    print(f"{name:<21}", shape)

D = 2  # two directions
expected = {}
for k in range(num_layers):
    layer_input = input_size if k == 0 else D * hidden_size  # layer 1 reads both directions
    for suffix in (f"_l{k}", f"_l{k}_reverse"):
        expected["weight_ih" + suffix] = (4 * hidden_size, layer_input)
        expected["weight_hh" + suffix] = (4 * hidden_size, hidden_size)
        expected["bias_ih" + suffix] = (4 * hidden_size,)
        expected["bias_hh" + suffix] = (4 * hidden_size,)
print("parameters:", len(shapes), "=", num_layers, "layers x", D, "directions x 4")
assert shapes == expected
assert len(shapes) == num_layers * D * 4
