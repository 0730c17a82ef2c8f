import torch
from torch import nn

torch.manual_seed(0)
batch, observed, horizon, hidden_size = 3, 10, 4, 8
x = torch.randn(batch, observed, 1)  # the observed part of each series: (batch, seq_len, 1)
lstm = nn.LSTM(input_size=1, hidden_size=hidden_size, batch_first=True)

# Direct: one head predicts all `horizon` future values at once from the last state.
direct_head = nn.Linear(hidden_size, horizon)
output, (h_n, c_n) = lstm(x)
direct = direct_head(h_n[-1])  # (batch, horizon)
print("direct:         h_n[-1]", tuple(h_n[-1].shape), "-> forecast", tuple(direct.shape))

# Autoregressive: a one-step head; each prediction is fed back as the next input, and the
# state (h, c) the LSTM returned is passed to the next call.
step_head = nn.Linear(hidden_size, 1)
state = (h_n, c_n)  # the state after the last observed step
value = step_head(output[:, -1:])  # (batch, 1, 1): the first future value
forecast = [value]
for _ in range(horizon - 1):
    step_output, state = lstm(value, state)  # one step: (batch, 1, 1) in, (batch, 1, H) out
    value = step_head(step_output)
    forecast.append(value)
autoregressive = torch.cat(forecast, dim=1).squeeze(-1)  # (batch, horizon)
print("autoregressive: one step at a time    -> forecast", tuple(autoregressive.shape))

# The step loop on the observed part, state carried, against one pass over it.
stepped, carried = [], None
for t in range(observed):
    step_output, carried = lstm(x[:, t : t + 1], carried)
    stepped.append(step_output)
same_output = torch.allclose(torch.cat(stepped, dim=1), output, atol=1e-6)
same_state = all(torch.allclose(a, b, atol=1e-6) for a, b in zip(carried, (h_n, c_n), strict=True))
print("step loop vs one pass, within 1e-6: output", same_output, " (h_n, c_n)", same_state)

# The rollout's states are those of one pass over the observed values and the predictions.
fed_back = torch.cat([x, *forecast[:-1]], dim=1)  # (batch, observed + horizon - 1, 1)
one_pass, _ = lstm(fed_back)
replayed = step_head(one_pass[:, observed - 1 :]).squeeze(-1)  # from the last observed step on
same_forecast = torch.allclose(replayed, autoregressive, atol=1e-6)
print("rollout vs one pass over observed + fed-back values, within 1e-6:", same_forecast)

assert direct.shape == autoregressive.shape == (batch, horizon)
assert same_output and same_state and same_forecast
