import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size = 4, 6

# nn.LSTM, nn.GRU and nn.RNN share one constructor, RNNBase's, and refuse other keywords.
for module, keyword in [(nn.LSTM, "layer_norm"), (nn.LSTM, "peepholes"), (nn.GRU, "layer_norm")]:
    try:
        module(input_size, hidden_size, **{keyword: True})
    except TypeError as error:
        message = f"{type(error).__name__}: {error}"
    print(f"nn.{module.__name__}(..., {keyword}=True) -> {message}")
    assert message.endswith(f"unexpected keyword argument '{keyword}'")

# What there is: two weight matrices and two biases per layer and direction (and weight_hr
# with proj_size), nothing else.
lstm = nn.LSTM(input_size, hidden_size)
print("nn.LSTM's parameters:", [name for name, _ in lstm.named_parameters()])
assert not any("norm" in name or "peephole" in name for name, _ in lstm.named_parameters())
