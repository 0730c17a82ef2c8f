import contextlib
import io
import logging
import tempfile
import warnings
from pathlib import Path

import onnxruntime
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
input_size, hidden_size = 4, 6
logging.getLogger("torch.onnx").setLevel(logging.ERROR)
onnxruntime.set_default_logger_severity(4)


class PackingEncoder(nn.Module):
    """Packs inside forward: what works in eager mode."""

    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)
        return h_n[-1]


class GatheringEncoder(PackingEncoder):
    """The same weights, no packing: run the padded batch, take step lengths - 1."""

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        output, _ = self.lstm(x)  # a forward LSTM's valid steps never see the padding
        return output[torch.arange(x.shape[0]), lengths - 1]


def export(model: nn.Module, path: Path) -> None:
    x, lengths = torch.randn(3, 5, input_size), torch.tensor([5, 3, 2])
    batch, seq_len = torch.export.Dim("batch"), torch.export.Dim("seq_len")
    dynamic = {"x": {0: batch, 1: seq_len}, "lengths": {0: batch}}
    # torch 2.13: an earlier compile or export of an LSTM in this process leaves a kernel cached
    # for aten.lstm, and the next export then fixes seq_len. Clear it (an internal attribute).
    torch.ops.aten.lstm.input._dispatch_cache.clear()
    with warnings.catch_warnings(record=True), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("always")
        torch.onnx.export(model, (x, lengths), path, dynamic_shapes=dynamic)


packing = PackingEncoder().eval()
gathering = GatheringEncoder().eval()
gathering.load_state_dict(packing.state_dict())

with tempfile.TemporaryDirectory() as folder:
    try:
        export(packing, Path(folder) / "packing.onnx")
    except torch.onnx.OnnxExporterError as error:
        summary = str(error).split("## Exception summary")[1].strip().splitlines()[0]
        print(type(error).__name__, "when packing inside forward:\n ", summary)
        assert "FakeTensor" in summary

    export(gathering, Path(folder) / "gathering.onnx")
    session = onnxruntime.InferenceSession(Path(folder) / "gathering.onnx")

# A new batch: 4 sequences padded to 8 steps, in no particular order of length.
lengths = torch.tensor([3, 8, 1, 6])
steps = torch.arange(8)
x = torch.randn(4, 8, input_size) * (steps < lengths[:, None])[..., None]  # zero padding
onnx_last = session.run(None, {"x": x.numpy(), "lengths": lengths.numpy()})[0]
with torch.no_grad():
    packed_last = packing(x, lengths)
same = torch.allclose(torch.from_numpy(onnx_last), packed_last, atol=1e-5)
print("gathered in onnxruntime:", tuple(onnx_last.shape))
print("equals h_n[-1] of the packed torch model (atol=1e-05):", same)
assert same
