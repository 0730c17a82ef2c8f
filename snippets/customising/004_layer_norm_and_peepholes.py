import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size = 5, 3, 4, 6

try:
    nn.LSTM(input_size, hidden_size, layer_norm=True)
except TypeError as error:
    print(f"{type(error).__name__}: {error}")


class CustomLSTM(nn.Module):
    """One layer, one direction, (seq_len, batch, input_size) in; state (h, c) in and out as
    nn.LSTM's, each (1, batch, hidden_size). Parameter names are nn.LSTM's without the _l0
    suffix, so its weights can be loaded."""

    def __init__(self, input_size, hidden_size, layer_norm=False, peepholes=False):
        super().__init__()
        H = hidden_size
        self.weight_ih = nn.Parameter(torch.empty(4 * H, input_size))
        self.weight_hh = nn.Parameter(torch.empty(4 * H, H))
        self.bias_ih = nn.Parameter(torch.zeros(4 * H))
        self.bias_hh = nn.Parameter(torch.zeros(4 * H))
        nn.init.uniform_(self.weight_ih, -(H**-0.5), H**-0.5)
        nn.init.uniform_(self.weight_hh, -(H**-0.5), H**-0.5)
        # Off: Identity and zeros, so the step below is exactly nn.LSTM's equations.
        self.norm_ih = nn.LayerNorm(4 * H) if layer_norm else nn.Identity()
        self.norm_hh = nn.LayerNorm(4 * H) if layer_norm else nn.Identity()
        self.norm_c = nn.LayerNorm(H) if layer_norm else nn.Identity()
        self.peephole = nn.Parameter(torch.zeros(3, H), requires_grad=peepholes)

    def forward(self, x, state=None):
        H = self.weight_hh.shape[1]
        h, c = (s[0] for s in state) if state is not None else (x.new_zeros(x.shape[1], H),) * 2
        outputs = []
        for x_t in x:  # one step at a time, as nn.LSTMCell would be called
            gates = self.norm_ih(x_t @ self.weight_ih.T) + self.norm_hh(h @ self.weight_hh.T)
            i, f, g, o = (gates + self.bias_ih + self.bias_hh).chunk(4, dim=1)  # i, f, g, o
            i = torch.sigmoid(i + self.peephole[0] * c)
            f = torch.sigmoid(f + self.peephole[1] * c)
            c = f * c + i * torch.tanh(g)
            o = torch.sigmoid(o + self.peephole[2] * c)
            h = o * torch.tanh(self.norm_c(c))
            outputs.append(h)
        return torch.stack(outputs), (h.unsqueeze(0), c.unsqueeze(0))


lstm = nn.LSTM(input_size, hidden_size)
plain = CustomLSTM(input_size, hidden_size)
weights = {name.removesuffix("_l0"): value for name, value in lstm.state_dict().items()}
missing = plain.load_state_dict(weights, strict=False).missing_keys
x = torch.randn(seq_len, batch, input_size)
with torch.no_grad():
    output, (h_n, c_n) = lstm(x)
    loop_output, (loop_h_n, loop_c_n) = plain(x)
    # The returned state is the next call's state, as with nn.LSTM.
    carried, _ = lstm(x, (h_n, c_n))
    loop_carried, _ = plain(x, (loop_h_n, loop_c_n))
pairs = [(output, loop_output), (h_n, loop_h_n), (c_n, loop_c_n), (carried, loop_carried)]
same = all(torch.allclose(a, b, atol=1e-6) for a, b in pairs)
print("extras off: output, h_n, c_n, and a call carrying (h_n, c_n), as nn.LSTM's:", same)

extended = CustomLSTM(input_size, hidden_size, layer_norm=True, peepholes=True)
output, (h_n, c_n) = extended(x)
print("extras on: output", tuple(output.shape), "h_n", tuple(h_n.shape))
trained = {name.split(".")[0] for name, p in extended.named_parameters() if p.requires_grad}
print("trained beyond nn.LSTM's:", sorted(trained - {n.removesuffix("_l0") for n in weights}))
assert missing == ["peephole"]
assert same and output.shape == (seq_len, batch, hidden_size)
