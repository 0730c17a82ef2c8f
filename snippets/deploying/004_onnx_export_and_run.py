import contextlib
import io
import logging
import os
import re
import tempfile
import warnings
from pathlib import Path

import onnx
import onnxruntime
import torch
from torch import nn

torch.manual_seed(0)
input_size, hidden_size, num_layers = 4, 6, 2
logging.getLogger("torch.onnx").setLevel(logging.ERROR)  # no "torchvision is not installed"


class Encoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(
            input_size, hidden_size, num_layers, batch_first=True, bidirectional=True
        )

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        output, (h_n, c_n) = self.lstm(x)
        return output, h_n, c_n


model = Encoder().eval()
example = torch.randn(3, 5, input_size)  # (batch, seq_len, input_size)
dynamic = {"x": {0: torch.export.Dim("batch"), 1: torch.export.Dim("seq_len")}}

# torch 2.13: an earlier compile or export of an LSTM in this process caches the kernel that
# loops over the steps for aten.lstm; it would shadow the while_loop decomposition the ONNX
# exporter swaps in, and seq_len would come out fixed. Clear it (an internal attribute).
torch.ops.aten.lstm.input._dispatch_cache.clear()
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "encoder.onnx"
    # The exporter warns about torch internals and may print progress: keep both for us.
    with warnings.catch_warnings(record=True), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("always")
        torch.onnx.export(
            model,
            (example,),
            path,
            input_names=["x"],
            output_names=["output", "h_n", "c_n"],
            dynamic_shapes=dynamic,
        )
    graph = onnx.load(path)
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 2  # warnings and errors: onnxruntime logs them on stderr
    session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])

cached = len(torch.ops.aten.lstm.input._dispatch_cache) > 0
print("the export left a kernel cached for aten.lstm:", cached)
assert cached
opset = {entry.domain: entry.version for entry in graph.opset_import}[""]
lstm_nodes = [node for node in graph.graph.node if node.op_type == "LSTM"]
attributes = {a.name: onnx.helper.get_attribute_value(a) for a in lstm_nodes[0].attribute}
attributes["direction"] = attributes["direction"].decode()
x_dims = [d.dim_param or d.dim_value for d in graph.graph.input[0].type.tensor_type.shape.dim]
print("opset:", opset)
print("LSTM nodes:", len(lstm_nodes), "(one per layer)")
print("first LSTM node:", {k: attributes[k] for k in ("direction", "hidden_size", "layout")})
output_dims = [d.dim_param or d.dim_value for d in graph.graph.output[0].type.tensor_type.shape.dim]
print("input x dims:", x_dims)
print("output dims declared in the graph:", output_dims)
assert len(lstm_nodes) == num_layers
assert attributes["direction"] == "bidirectional" and attributes["hidden_size"] == hidden_size
assert x_dims == ["batch", "seq_len", input_size]
assert output_dims == ["batch", 5, 2 * hidden_size]  # the example's length, not seq_len

# onnxruntime at another batch size and sequence length than the export example.
x = torch.randn(7, 9, input_size)
# onnxruntime writes its log to file descriptor 2: catch it there to print it below.
with tempfile.TemporaryFile() as log:
    saved_stderr = os.dup(2)
    os.dup2(log.fileno(), 2)
    try:
        onnx_outputs = session.run(None, {"x": x.numpy()})
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
    log.seek(0)
    logged = re.findall(r"Expected shape .*? for output \w+", log.read().decode())
with torch.no_grad():
    torch_outputs = model(x)
atol = 1e-5
print(f"batch 7, seq_len 9, atol={atol}:")
for name, onnx_output, torch_output in zip(
    ("output", "h_n", "c_n"), onnx_outputs, torch_outputs, strict=True
):
    same = torch.allclose(torch.from_numpy(onnx_output), torch_output, atol=atol)
    print(f"  {name}: {tuple(onnx_output.shape)} allclose: {same}")
    assert same and onnx_output.shape == tuple(torch_output.shape)
print("onnxruntime logged a warning:", *logged)
assert logged == [
    "Expected shape from model of {-1,5,12} does not match actual shape of "
    "{7,9,12} for output output"
]
