import torch
from torch import nn
from torch._dynamo.testing import CompileCounterWithBackend

torch.manual_seed(0)
input_size, hidden_size, batch, seq_len = 4, 6, 3, 5


class Classifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, (h_n, c_n) = self.lstm(x)
        return self.head(h_n[-1])


model = Classifier().eval()
x = torch.randn(batch, seq_len, input_size)

# config.patch sets allow_rnn for this block only, and restores the default after it.
with torch._dynamo.config.patch(allow_rnn=True):
    backend = CompileCounterWithBackend("aot_eager")
    with torch.no_grad():
        result = torch.compile(model, backend=backend, fullgraph=True)(x)
        expected = model(x)
    print("inference (no_grad): graphs compiled:", backend.frame_count)
    print("result equals eager:", torch.equal(result, expected))
    assert backend.frame_count == 1 and torch.equal(result, expected)

    # With autograd on (training), the aot_eager graph of the LSTM fails at its first call.
    torch._dynamo.reset()
    try:
        torch.compile(model, backend="aot_eager", fullgraph=True)(x)
        failed = None
    except AssertionError as error:
        failed = error
    print("with autograd on, aot_eager raises:", type(failed).__name__)
    assert isinstance(failed, AssertionError)
print("allow_rnn after the block:", torch._dynamo.config.allow_rnn)
assert torch._dynamo.config.allow_rnn is False
torch._dynamo.reset()
