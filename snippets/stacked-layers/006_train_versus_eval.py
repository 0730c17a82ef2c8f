import torch
from torch import nn

torch.manual_seed(0)
seq_len, batch, input_size, hidden_size, num_layers = 5, 3, 10, 20, 2

lstm = nn.LSTM(input_size, hidden_size, num_layers, dropout=0.5)
x = torch.randn(seq_len, batch, input_size)

lstm.eval()
eval_1, (eval_h_n_1, _) = lstm(x)
eval_2, (eval_h_n_2, _) = lstm(x)
print("eval():  two calls give equal output:", torch.equal(eval_1, eval_2))

lstm.train()
train_1, (train_h_n_1, _) = lstm(x)
train_2, (train_h_n_2, _) = lstm(x)
print("train(): two calls give equal output:", torch.equal(train_1, train_2))
print("train(): output equals eval output:  ", torch.equal(train_1, eval_1))
print(
    "train(): h_n[0] equal in both calls (layer 0 reads x, never dropped):",
    torch.equal(train_h_n_1[0], train_h_n_2[0]),
)

with torch.no_grad():  # no_grad does not switch dropout off; only eval() does
    no_grad_1, _ = lstm(x)
    no_grad_2, _ = lstm(x)
print("train() under no_grad: two calls equal:", torch.equal(no_grad_1, no_grad_2))

no_dropout = nn.LSTM(input_size, hidden_size, num_layers, dropout=0.0).train()
plain_1, _ = no_dropout(x)
plain_2, _ = no_dropout(x)
print("dropout=0 in train(): two calls equal: ", torch.equal(plain_1, plain_2))

assert torch.equal(eval_1, eval_2) and torch.equal(eval_h_n_1, eval_h_n_2)
assert not torch.equal(train_1, train_2) and not torch.equal(train_1, eval_1)
assert torch.equal(train_h_n_1[0], train_h_n_2[0]) and torch.equal(train_h_n_1[0], eval_h_n_1[0])
assert not torch.equal(no_grad_1, no_grad_2)
assert torch.equal(plain_1, plain_2)
