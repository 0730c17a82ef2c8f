import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
input_size, hidden_size, padded_len = 4, 6, 8


class Encoder(nn.Module):
    def __init__(self, total_length: int | None) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.total_length = total_length

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        packed_output, _ = self.lstm(packed)
        output, _ = pad_packed_sequence(
            packed_output, batch_first=True, total_length=self.total_length
        )
        return output


x = torch.randn(4, padded_len, input_size)  # padded to 8 steps
lengths = torch.tensor([6, 3, 2, 4])


def run_in_chunks(model: nn.Module) -> torch.Tensor:
    """What DataParallel does with 2 devices: split the batch, run each chunk, concatenate."""
    chunks = zip(x.chunk(2), lengths.chunk(2), strict=True)
    outputs = [model(x_part, lengths_part) for x_part, lengths_part in chunks]
    print("  chunk outputs:", [tuple(output.shape) for output in outputs])
    return torch.cat(outputs)


print("without total_length:")
try:
    run_in_chunks(Encoder(total_length=None))
except RuntimeError as error:
    print("  torch.cat ->", str(error).split(" for tensor")[0])
    assert "Sizes of tensors must match" in str(error)

print(f"with total_length={padded_len}:")
output = run_in_chunks(Encoder(total_length=padded_len))
print("  gathered:", tuple(output.shape))
assert output.shape == (4, padded_len, hidden_size)
