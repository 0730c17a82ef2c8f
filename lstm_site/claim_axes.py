"""The claims' configuration grid as data, without torch: what the build reads results with.

lstm_site/claim_grid.py runs each claim on this grid (and imports torch); the build
(lstm_site/claims.py) checks, describes and publishes the results in a process that never
imports torch. Axes are named as nn.LSTM names its arguments; claims.json uses the same names.
"""

import itertools

MODULES = ("LSTM", "GRU", "RNN")
NUM_LAYERS = (1, 2, 3)
BIDIRECTIONAL = (False, True)
BATCH_FIRST = (False, True)
PROJ_SIZES = (0, 2)
INPUTS = ("batched", "unbatched", "padded", "packed")
AXES = {
    "module": MODULES,
    "num_layers": NUM_LAYERS,
    "bidirectional": BIDIRECTIONAL,
    "batch_first": BATCH_FIRST,
    "proj_size": PROJ_SIZES,
    "input": INPUTS,
}
# Every configuration, as claims.json writes it, in the order a claim file prints them.
GRID = [dict(zip(AXES, values, strict=True)) for values in itertools.product(*AXES.values())]

# The batch of every batched input on the grid: a claim whose truth depends on the batch size
# (a state's contiguity, batch == D * num_layers) was checked at this batch only.
BATCH = 3
