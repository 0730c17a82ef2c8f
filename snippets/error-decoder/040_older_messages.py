import re
import textwrap

import torch
from torch import nn

# Messages older torch releases printed for mistakes on this page, quoted (not run: the
# pinned torch prints the newer text, checked below), with where each is written down.
OLDER = [
    (
        "rnn_dtype",
        "ValueError: input must have the type torch.float32, got type torch.float64",
        "torch/nn/modules/rnn.py, RNNBase.check_input, from pytorch/pytorch#100100 (merged "
        "April 2023, so torch 2.1 on) until pytorch/pytorch#166946; quoted from "
        "pytorch/pytorch#136931",
        dict(weight_dtype="float32", input_dtype="float64"),
    ),
    (
        "scalar_type",
        "RuntimeError: expected scalar type Long but found Float",
        "before pytorch/pytorch#100100 (torch 2.0), for int64 input into a float32 RNN, quoted "
        "in that pull request; best known from nll_loss and CrossEntropyLoss given a float "
        "target (torch 1.x)",
        dict(expected_dtype="Long", found_dtype="Float"),
    ),
]


def template(message, **sentinels):
    for name, value in sentinels.items():
        assert len(re.findall(rf"\b{value}\b", message)) == 1, (name, value, message)
        message = re.sub(rf"\b{value}\b", "{" + name + "}", message)
    return message


# The pinned torch says something else for the same mistakes.
lstm = nn.LSTM(2, 3)
for dtype in (torch.float64, torch.int64):
    try:
        lstm(torch.zeros(1, 1, 2, dtype=dtype))
    except ValueError as error:
        message = str(error)
    assert "does not match weight dtype" in message and "must have the type" not in message

for key, message, source, sentinels in OLDER:
    print(f"{key}: {template(message, **sentinels)}")
    print(
        textwrap.fill(f"older torch: {source}", 72, initial_indent="  # ", subsequent_indent="  # ")
    )
