import inspect

import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2)
pointers = [weight.data_ptr() for weight in lstm._flat_weights]

result = lstm.flatten_parameters()  # callable anywhere; on the CPU it does nothing
print("flatten_parameters() on the CPU returns:", result)
print("weights moved:", pointers != [weight.data_ptr() for weight in lstm._flat_weights])
assert result is None and pointers == [weight.data_ptr() for weight in lstm._flat_weights]

# Its own docstring says so; and where its source is, for this torch version.
docstring = inspect.getdoc(nn.LSTM.flatten_parameters)
print("docstring:", " ".join(docstring.splitlines()[2:]))
lines, first_line = inspect.getsourcelines(nn.LSTM.flatten_parameters)
version = torch.__version__.split("+")[0]
print(
    f"source: https://github.com/pytorch/pytorch/blob/v{version}/torch/nn/modules/rnn.py#L{first_line}"
)
assert "works only if the module is on the GPU and cuDNN is enabled" in docstring
assert inspect.getsourcefile(nn.LSTM.flatten_parameters).endswith("torch/nn/modules/rnn.py")
