import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size, num_layers, proj_size = 10, 20, 2, 8

lstm = nn.LSTM(input_size, hidden_size, num_layers, proj_size=proj_size)
shapes = {name: tuple(parameter.shape) for name, parameter in lstm.named_parameters()}
for name, shape in shapes.items():
    print(f"{name:<13}", shape)

assert shapes == {
    "weight_ih_l0": (4 * hidden_size, input_size),
    "weight_hh_l0": (4 * hidden_size, proj_size),  # takes the projected h
    "bias_ih_l0": (4 * hidden_size,),
    "bias_hh_l0": (4 * hidden_size,),
    "weight_hr_l0": (proj_size, hidden_size),  # the projection
    "weight_ih_l1": (4 * hidden_size, proj_size),  # takes layer 0's projected output
    "weight_hh_l1": (4 * hidden_size, proj_size),
    "bias_ih_l1": (4 * hidden_size,),
    "bias_hh_l1": (4 * hidden_size,),
    "weight_hr_l1": (proj_size, hidden_size),
}
