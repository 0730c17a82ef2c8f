import copy

import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 3

lstm = nn.LSTM(input_size, hidden_size, num_layers)
x = torch.randn(seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)

# Change the weights of one layer at a time and see which rows of h_n move:
# a layer can only affect itself and the layers above it.
changed_rows = []
for k in range(num_layers):
    changed = copy.deepcopy(lstm)
    with torch.no_grad():
        getattr(changed, f"weight_hh_l{k}").add_(0.1)
    _, (new_h_n, _) = changed(x)
    rows = [j for j in range(num_layers) if not torch.equal(new_h_n[j], h_n[j])]
    changed_rows.append(rows)
    print(f"change layer {k} (weight_hh_l{k}): rows of h_n that change = {rows}")

bottom_is_row_0 = changed_rows[0] == [0, 1, 2]  # the bottom layer feeds every layer
top_is_row_last = changed_rows[-1] == [num_layers - 1]  # the top layer feeds none
print("h_n[0] is the bottom layer:", bottom_is_row_0)
print("h_n[-1] is the top layer:  ", top_is_row_last)
assert changed_rows == [list(range(k, num_layers)) for k in range(num_layers)]
assert bottom_is_row_0 and top_is_row_last
