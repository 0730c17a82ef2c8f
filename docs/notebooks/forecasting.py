# %% [markdown]
# # Multi-step forecasting: a direct head or predictions fed back
#
# A complete walk-through: cut a noisy sine wave into windows, then forecast the next 8 values
# of each window in two ways, train both, and compare their errors step by step with a baseline
# that repeats the last value. Everything runs on a CPU in a few seconds; the outputs below were
# produced when this site was built.
# Each code cell uses what the cells above it defined: run them in order (or download the
# notebook).
#
# **The recipe.** *Direct:* `nn.Linear(hidden_size, horizon)` on `h_n[-1]`, one forward pass
# for the whole forecast, shape `(batch, horizon)`. *Autoregressive:* a one-step head trained on
# the next value at every step; at prediction time each forecast value goes back into the LSTM
# as the next input, with the `(h, c)` the previous call returned. The rollout needs a
# one-direction LSTM: a bidirectional one's backward half would need the values not yet
# predicted. A direct head can read a bidirectional LSTM's two final states,
# `torch.cat([h_n[-2], h_n[-1]], dim=1)`
# ([where that holds](../claims.md#bidirectional_summary_cat)).

# %%
import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)  # models this small train fastest on one thread
observed, horizon, hidden_size = 24, 8, 16

steps = torch.arange(700, dtype=torch.float32)
series = torch.sin(2 * torch.pi * steps / 25) + 0.1 * torch.randn(len(steps))  # (700,)
train_part, test_part = series[:500], series[500:]


def windows(part: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Every run of observed + horizon values, 3 steps apart, as (inputs, future values)."""
    chunks = part.unfold(0, observed + horizon, 3)  # (windows, observed + horizon)
    return chunks[:, :observed].unsqueeze(-1), chunks[:, observed:]  # (B, 24, 1), (B, 8)


x_train, y_train = windows(train_part)
x_test, y_test = windows(test_part)
print("x_train:", tuple(x_train.shape), " y_train:", tuple(y_train.shape))
print("x_test: ", tuple(x_test.shape), " y_test: ", tuple(y_test.shape))

# %% [markdown]
# ## Two models
#
# Both read a window `(batch, observed, 1)` with `batch_first=True`. The **direct** model
# predicts all `horizon` values from the top layer's final state `h_n[-1]`. The
# **autoregressive** model predicts one value per step from `output`; to forecast, it runs over
# the window, then feeds each prediction back, one step at a time, starting from the state the
# window left. That loop works because a call that starts from the returned `(h, c)` continues
# the sequence where the last call stopped:
#
# ```claim
# chunks_with_carried_state_equal_one_pass
# ```


# %%
class Direct(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(1, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, horizon)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, (h_n, c_n) = self.lstm(x)
        return self.head(h_n[-1])  # (batch, horizon)


class Autoregressive(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(1, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The next value after every step: (batch, seq_len, 1)."""
        output, _ = self.lstm(x)
        return self.head(output)

    def forecast(self, x: torch.Tensor) -> torch.Tensor:
        """Roll `horizon` steps forward from the window, the state carried: (batch, horizon)."""
        output, state = self.lstm(x)
        value = self.head(output[:, -1:])  # (batch, 1, 1): the first value after the window
        values = [value]
        for _ in range(horizon - 1):
            step_output, state = self.lstm(value, state)  # one step, from the carried state
            value = self.head(step_output)
            values.append(value)
        return torch.cat(values, dim=1).squeeze(-1)


direct, autoregressive = Direct(), Autoregressive()
print("direct forecast:        ", tuple(direct(x_train[:4]).shape))
print("one-step predictions:   ", tuple(autoregressive(x_train[:4]).shape))
print("autoregressive forecast:", tuple(autoregressive.forecast(x_train[:4]).shape))

# %% [markdown]
# ## Training
#
# The direct model learns the 8 future values of each window. The autoregressive model learns
# the next value after every step of the window and its future (teacher forcing: the inputs are
# the true values, never its own predictions); its last input is the second-to-last future
# value. Full-batch Adam, the same number of steps for both.

# %%
full_train = torch.cat([x_train.squeeze(-1), y_train], dim=1)  # (B, observed + horizon)
ar_inputs = full_train[:, :-1].unsqueeze(-1)  # every value but the last
ar_targets = full_train[:, 1:].unsqueeze(-1)  # the value after each input
loss_fn = nn.MSELoss()


def train(model: nn.Module, inputs: torch.Tensor, targets: torch.Tensor) -> list[float]:
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    losses = []
    for _ in range(100):
        optimizer.zero_grad()
        prediction = model(inputs)
        assert prediction.shape == targets.shape  # no silent broadcasting
        loss = loss_fn(prediction, targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


for name, model, inputs, targets in [
    ("direct", direct, x_train, y_train),
    ("autoregressive", autoregressive, ar_inputs, ar_targets),
]:
    torch.manual_seed(1)
    losses = train(model, inputs, targets)
    print(f"{name:15s} loss {losses[0]:.3f} -> {losses[-1]:.3f}")
    assert losses[-1] < losses[0] / 5

# %% [markdown]
# ## The rollout is one pass over what it fed back
#
# Before comparing errors, check what the autoregressive forecast is: running the LSTM once over
# the window followed by the values the rollout fed back gives, from the window's last step on,
# the rollout's forecast, in this run and in general:
#
# ```claim
# rollout_is_one_pass_over_fed_back_values
# ```

# %%
autoregressive.eval()
with torch.no_grad():
    forecast = autoregressive.forecast(x_test)
    fed_back = forecast[:, :-1].unsqueeze(-1)  # every forecast value but the last went back in
    one_pass = autoregressive(torch.cat([x_test, fed_back], dim=1))  # (B, observed + 7, 1)
    replayed = one_pass[:, observed - 1 :].squeeze(-1)  # from the window's last step on
print("forecast:", tuple(forecast.shape), " one pass:", tuple(one_pass.shape))
print("rollout == one pass, within 1e-5:", end=" ")
print(torch.allclose(replayed, forecast, atol=1e-5))
assert torch.allclose(replayed, forecast, atol=1e-5)

# %% [markdown]
# ## Errors by step ahead
#
# The root-mean-square error of each model at each of the 8 steps ahead, on windows of the
# test part of the series, which neither model saw, and of a baseline that repeats the window's
# last value (`repeat`). The noise alone, 0.1, is the floor.

# %%
direct.eval()
with torch.no_grad():
    forecasts = {
        "direct": direct(x_test),
        "autoregressive": autoregressive.forecast(x_test),
        "repeat last value": x_test[:, -1].expand(-1, horizon),
    }
errors = {name: ((f - y_test) ** 2).mean(dim=0).sqrt() for name, f in forecasts.items()}
print("ahead  direct  autoregressive  repeat")
for step in range(horizon):
    row = [errors[name][step].item() for name in errors]
    print(f"{step + 1:5d}  {row[0]:6.2f}  {row[1]:14.2f}  {row[2]:6.2f}")

mean = {name: error.mean() for name, error in errors.items()}
print("below the baseline on average:")
print("  direct", bool(mean["direct"] < mean["repeat last value"]), end=", ")
print("autoregressive", bool(mean["autoregressive"] < mean["repeat last value"]))
print("direct below autoregressive:", bool(mean["direct"] < mean["autoregressive"]))
assert max(mean["direct"], mean["autoregressive"]) < mean["repeat last value"]

# %% [markdown]
# Both models learn the wave: their errors stay near the noise at every step ahead, while the
# baseline's grow as the wave moves on. In this run the direct model's average error is the
# lower one; how the two compare depends on the series, the horizon and the training, so
# measure it on your data. What differs by construction: the direct model makes its whole
# forecast in one pass, for a fixed horizon, and never reads its own predictions; the
# autoregressive model makes one call per future step, can roll on for any number of steps, and
# from the second step on reads its own predictions, so its errors feed into its later inputs.
#
# **Next:** the shapes and the silent mistakes of windows, of many-to-one and many-to-many
# targets, and of the two forecasting loops on
# [From CNNs, video and time series](../cnn-and-time-series.md); carrying the state across calls
# on [Initial and carried state](../initial-state.md).
