import torch
from torch import nn

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

# fullgraph=True turns the silent fallback into an error.
try:
    with torch.no_grad():
        torch.compile(model, backend="aot_eager", fullgraph=True)(x)
except torch._dynamo.exc.Unsupported as error:
    raised, message = error, str(error)
# The message goes on with the file and line of the call: print its first three lines.
print(type(raised).__name__, "is a RuntimeError:", isinstance(raised, RuntimeError))
print("\n".join(message.splitlines()[:3]))
assert isinstance(raised, RuntimeError)
assert "Dynamo does not support RNN, GRU, or LSTM" in message
assert "torch._dynamo.config.allow_rnn=True" in message
torch._dynamo.reset()
