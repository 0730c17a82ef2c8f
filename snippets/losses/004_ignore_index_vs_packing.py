import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence as pack
from torch.nn.utils.rnn import pad_packed_sequence, pad_sequence

torch.manual_seed(0)
input_size, hidden_size, num_tags = 4, 6, 7
lengths = torch.tensor([5, 3, 2])
sequences = [torch.randn(n, input_size) for n in lengths.tolist()]
tag_lists = [torch.randint(0, num_tags, (n,)) for n in lengths.tolist()]
x = pad_sequence(sequences, batch_first=True)  # (batch, seq_len, input_size)
tags = pad_sequence(tag_lists, batch_first=True, padding_value=-100)
loss_fn = nn.CrossEntropyLoss()  # ignore_index=-100 by default


def model(bidirectional):
    torch.manual_seed(1)
    D = 2 if bidirectional else 1
    lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=bidirectional)
    return lstm, nn.Linear(D * hidden_size, num_tags)


def tag_loss(head, output):
    return loss_fn(head(output).reshape(-1, num_tags), tags.reshape(-1))


for bidirectional in (False, True):
    lstm, head = model(bidirectional)
    padded = tag_loss(head, lstm(x)[0])  # not packed, padding ignored
    packed_output, _ = lstm(pack(x, lengths, batch_first=True))
    output, _ = pad_packed_sequence(packed_output, batch_first=True)
    packed = tag_loss(head, output)
    # Each sequence alone: the loss of its real steps and nothing else.
    logits = torch.cat([head(lstm(s)[0]) for s in sequences])
    alone = loss_fn(logits, torch.cat(tag_lists))
    packed_ok = torch.allclose(packed, alone, atol=1e-6)
    padded_ok = torch.allclose(padded, alone, atol=1e-6)
    print(f"bidirectional={bidirectional}: within 1e-6 of the lone runs' loss")
    print("  packed, ignore_index:", packed_ok)
    print("  padded, ignore_index:", padded_ok)
    assert packed_ok and padded_ok != bidirectional

# A 0/1 mask times the per-step losses, then .mean(): padding counted.
lstm, head = model(False)
ignored = tag_loss(head, lstm(x)[0])
logits = head(lstm(x)[0]).reshape(-1, num_tags)
any_tag = tags.clamp(min=0).reshape(-1)  # the padding gets a real class
per_step = nn.CrossEntropyLoss(reduction="none")(logits, any_tag)
mask = (tags != -100).reshape(-1)
masked_mean = (per_step * mask).mean()
share = mask.sum() / mask.numel()
print("real steps:", int(mask.sum()), "of", mask.numel())
print("masked mean, ignore_index loss:", torch.allclose(masked_mean, ignored))
print("masked mean, its 10/15:", torch.allclose(masked_mean, ignored * share))
by_real = (per_step * mask).sum() / mask.sum()
print("masked sum / mask.sum(), ignore_index loss:", torch.allclose(by_real, ignored))
assert torch.allclose(masked_mean, ignored * share)
assert not torch.allclose(masked_mean, ignored)
