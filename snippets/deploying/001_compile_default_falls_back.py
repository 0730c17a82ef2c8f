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

# The counter passes each graph Dynamo captures on to aot_eager, and counts them.
backend = CompileCounterWithBackend("aot_eager")
compiled = torch.compile(model, backend=backend)
with torch.no_grad():
    result = compiled(x)
    expected = model(x)
print("graphs compiled:", backend.frame_count)
print("result equals eager:", torch.equal(result, expected))
assert backend.frame_count == 0  # the whole forward ran in eager mode
assert torch.equal(result, expected)
torch._dynamo.reset()  # forget this compilation
