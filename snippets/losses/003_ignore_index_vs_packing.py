import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size, num_tags = 4, 6, 7
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(length, input_size) for length in lengths.tolist()]
tag_lists = [torch.randint(0, num_tags, (length,)) for length in lengths.tolist()]
x = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, input_size)
tags = pad_sequence(tag_lists, batch_first=True, padding_value=-100)  # -100: ignore_index
loss_fn = nn.CrossEntropyLoss()  # ignore_index=-100 by default, mean over real steps


def losses(bidirectional):
    torch.manual_seed(1)
    lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=bidirectional)
    head = nn.Linear(lstm.hidden_size * (2 if bidirectional else 1), num_tags)
    # Padded, not packed: the padding's tags are ignored.
    output, _ = lstm(x)
    padded = loss_fn(head(output).reshape(-1, num_tags), tags.reshape(-1))
    # Packed, padded back: the same ignored tags.
    packed_output, _ = lstm(pack_padded_sequence(x, lengths, batch_first=True))
    output, _ = pad_packed_sequence(packed_output, batch_first=True)
    packed = loss_fn(head(output).reshape(-1, num_tags), tags.reshape(-1))
    # Each sequence alone: the loss of the real steps and nothing else.
    logits = [head(lstm(sequence)[0]) for sequence in sequences]
    alone = loss_fn(torch.cat(logits), torch.cat(tag_lists))
    return padded, packed, alone


for bidirectional in (False, True):
    padded, packed, alone = losses(bidirectional)
    print(f"bidirectional={bidirectional}:")
    print(
        "  packed, ignore_index, within 1e-6 of the lone runs' loss:",
        torch.allclose(packed, alone, atol=1e-6),
    )
    print(
        "  padded, ignore_index, within 1e-6 of the lone runs' loss:",
        torch.allclose(padded, alone, atol=1e-6),
    )
    assert torch.allclose(packed, alone, atol=1e-6)
    assert torch.allclose(padded, alone, atol=1e-6) != bidirectional

# The denominator: a 0/1 mask times the per-step losses, then .mean(), counts the padding.
padded, _, _ = losses(False)
mask = tags != -100  # (batch, seq_len)
torch.manual_seed(1)
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
head = nn.Linear(hidden_size, num_tags)
per_step = nn.CrossEntropyLoss(reduction="none")(
    head(lstm(x)[0]).reshape(-1, num_tags), tags.clamp(min=0).reshape(-1)
)
masked_mean = (per_step * mask.reshape(-1)).mean()
share = mask.sum() / mask.numel()
print("real steps:", int(mask.sum()), "of", mask.numel())
print("masked .mean() is ignore_index's loss:        ", torch.allclose(masked_mean, padded))
print("masked .mean() is ignore_index's loss * 10/15:", torch.allclose(masked_mean, padded * share))
assert torch.allclose(masked_mean, padded * share) and not torch.allclose(masked_mean, padded)
