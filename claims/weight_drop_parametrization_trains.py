"""DropConnect on every weight_hh through torch.nn.utils.parametrize, run as a reader trains.

A parametrization returning F.dropout(weight, 0.5, self.training) is registered on each
weight_hh_l{k}{_reverse}. In training mode two calls must differ (a new mask each call), a
backward from the output must leave a non-zero gradient on each raw weight
(parametrizations.weight_hh_*.original, the same Parameter object the module held before),
and no warning may be raised (but proj_size's oneDNN notice, which the module raises
without it too); in eval mode the output must equal, bit for bit, the module's own
output before the parametrization was registered.
"""

import warnings

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "Weight dropout registered with `torch.nn.utils.parametrize` (a module returning "
    "`F.dropout(weight, p, self.training)` on each `weight_hh_l{k}`) trains: each training "
    "call draws a new mask, gradients reach the raw weight, the CPU raises no warning about it, "
    "and in eval mode the output equals the module's without it."
)


class DropConnect(nn.Module):
    def forward(self, weight: torch.Tensor) -> torch.Tensor:
        return F.dropout(weight, 0.5, self.training)


def holds(config: Config) -> bool:
    rnn, x = module(config), model_input(config)
    with torch.no_grad():
        expected, _ = rnn(x)  # eval mode, before the parametrization
    names = [name for name, _ in rnn.named_parameters() if name.startswith("weight_hh")]
    raw = [getattr(rnn, name) for name in names]
    for name in names:
        parametrize.register_parametrization(rnn, name, DropConnect())
    originals = [getattr(rnn.parametrizations, name).original for name in names]
    rnn.train()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # proj_size's one-time oneDNN notice is the module's, with or without weight dropout
        warnings.filterwarnings("ignore", message="LSTM with projections is not supported")
        first, _ = rnn(x)
        second, _ = rnn(x)
        padded_output(config, first).sum().backward()
    trains = all(a is b for a, b in zip(raw, originals, strict=True)) and not caught
    trains = trains and not torch.equal(padded_output(config, first), padded_output(config, second))
    trains = trains and all(bool(p.grad.abs().sum() > 0) for p in originals)
    rnn.eval()
    with torch.no_grad():
        evaluated, _ = rnn(x)
    return trains and torch.equal(padded_output(config, evaluated), padded_output(config, expected))


if __name__ == "__main__":
    main(holds)
