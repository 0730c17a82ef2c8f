import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size, num_layers, seq_len = 4, 6, 2, 12

lstm = nn.LSTM(input_size, hidden_size, num_layers).eval()  # eval(): no dropout
stream = torch.randn(seq_len, 1, input_size)  # one stream, batch of 1

with torch.no_grad():  # serving: no graph, nothing to detach
    output, (h_n, c_n) = lstm(stream)  # the whole stream in one pass

    state = None  # zeros at the start of the stream
    step_outputs = []
    for x_t in stream:  # one step at a time, as the values arrive
        y_t, state = lstm(x_t.unsqueeze(0), state)  # (1, 1, input_size) in
        step_outputs.append(y_t)
streamed = torch.cat(step_outputs)

same_output = torch.allclose(streamed, output, atol=1e-6)
same_state = torch.allclose(state[0], h_n, atol=1e-6) and torch.allclose(state[1], c_n, atol=1e-6)
print("streamed output:", tuple(streamed.shape), " one pass:", tuple(output.shape))
print("step by step, output within 1e-6 of one pass:", same_output)
print("final (h, c) within 1e-6 of (h_n, c_n):", same_state)
print("state needs no grad:", not state[0].requires_grad)
assert same_output and same_state and not state[0].requires_grad
