import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, input_size, hidden_size, num_classes = 3, 6, 10, 20, 5  # class 0 is the blank

lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
classify = nn.Linear(hidden_size, num_classes)
ctc = nn.CTCLoss()
x = torch.randn(batch, seq_len, input_size)
targets = torch.randint(1, num_classes, (batch, 2))
input_lengths = torch.full((batch,), seq_len)
target_lengths = torch.full((batch,), 2)

output, (h_n, c_n) = lstm(x)
log_probs = classify(output).log_softmax(2)  # (batch, seq_len, num_classes): batch first
try:
    ctc(log_probs, targets, input_lengths, target_lengths)  # CTCLoss reads (T, N, C)
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert message == "RuntimeError: input_lengths must be of size batch_size"

# Fix: time first, whatever batch_first says.
loss = ctc(log_probs.transpose(0, 1), targets, input_lengths, target_lengths)
print("transpose(0, 1):", tuple(log_probs.transpose(0, 1).shape), " loss:", loss.dim() == 0)
assert loss.dim() == 0
