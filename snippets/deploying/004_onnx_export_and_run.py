import contextlib
import io
import logging
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
onnxruntime.set_default_logger_severity(4)  # nothing from onnxruntime on stderr


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

# torch 2.13: an earlier compile or export of an LSTM in this process leaves a kernel cached
# for aten.lstm, and the next export then fixes seq_len. Clear it (an internal attribute).
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
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])

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
print("input x dims:", x_dims)
assert len(lstm_nodes) == num_layers
assert attributes["direction"] == "bidirectional" and attributes["hidden_size"] == hidden_size
assert x_dims == ["batch", "seq_len", input_size]

# onnxruntime at another batch size and sequence length than the export example.
x = torch.randn(7, 9, input_size)
onnx_outputs = session.run(None, {"x": x.numpy()})
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
