import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, vocab_size, embedding_dim, hidden_size = 5, 3, 100, 10, 20

tokens = torch.randint(0, vocab_size, (seq_len, batch))  # word ids: int64
lstm = nn.LSTM(input_size=embedding_dim, hidden_size=hidden_size)
try:
    lstm(tokens)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
print(message)
assert "RNN input dtype (torch.int64) does not match weight dtype (torch.float32)" in message

# Fix: an nn.Embedding turns each id into a vector of embedding_dim features (= input_size).
embedding = nn.Embedding(vocab_size, embedding_dim)
x = embedding(tokens)
output, (h_n, c_n) = lstm(x)
print("tokens:", tuple(tokens.shape), "-> x:", tuple(x.shape), x.dtype)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert x.shape == (seq_len, batch, embedding_dim)
assert output.shape == (seq_len, batch, hidden_size)
