"""The error diagnoser (docs/assets/diagnoser.js) in Chromium, fed real torch messages.

For each cause, torch raises the error in many random (seeded) configurations; the diagnoser
must pick the entry for that cause, quote the numbers of that message and name the argument
that disagrees. Its patterns come from the page (the output of
snippets/error-decoder/030_diagnoser_messages.py), so these messages also prove that the
build-captured templates match what torch says.
"""

import contextlib
import inspect
import json
import random
import re
import warnings
from urllib.parse import parse_qs, quote, urlparse

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.export import Dim, export
from torch.nn.utils.rnn import pack_padded_sequence

from lstm_site.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CONFIGS_PER_CAUSE = 24
# The entry for each cause: the error decoder's headings carry it (data-diagnosis="cause") with
# an explicit id, and the diagnoser reads it there too.
ENTRIES = "hs => Object.fromEntries(hs.map((h) => [h.dataset.diagnosis, '#' + h.id]))"


def entries(page) -> dict[str, str]:
    """{cause: "#id"} of the page's entries, as the diagnoser links to them."""
    return page.eval_on_selector_all("[data-diagnosis][id]", ENTRIES)


def test_every_entry_has_an_id_of_its_own_in_the_page_source():
    """An explicit id: rewording a heading changes neither its links nor the diagnoser's."""
    source = (ROOT / "docs" / "error-decoder.md").read_text(encoding="utf-8").splitlines()
    marked = [line for line in source if "data-diagnosis=" in line]
    assert len(marked) == 32, marked
    assert all(re.search(r"\{ #[\w-]+ data-diagnosis=\"\w+\" \}$", line) for line in marked), marked


def raised(call) -> str:
    """The message torch raises, as a reader would paste it: `Type: message`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "LSTM with projections is not supported with oneDNN"
            call()
    except (RuntimeError, ValueError, AttributeError, TypeError, AssertionError) as error:
        return f"{type(error).__name__}: {error}"
    raise AssertionError("torch raised nothing")


def warned(call) -> str:
    """The warning torch gives, as a reader would paste it: `Category: message`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with contextlib.suppress(RuntimeError):  # shapes that do not broadcast: warned first
            call()
    assert caught, "torch warned nothing"
    return f"{caught[0].category.__name__}: {caught[0].message}"


def sizes(rng: random.Random) -> dict:
    return dict(
        input_size=rng.randint(1, 9),
        hidden_size=rng.randint(2, 12),
        num_layers=rng.randint(1, 3),
        batch=rng.randint(1, 9),
        seq_len=rng.randint(1, 4),
    )


def lstm_call(s: dict, h_0_shape, c_0_shape=None, **options):
    lstm = nn.LSTM(s["input_size"], s["hidden_size"], s["num_layers"], **options)
    shape = (s["batch"], s["seq_len"]) if options.get("batch_first") else (s["seq_len"], s["batch"])
    x = torch.zeros(*shape, s["input_size"])
    h_0 = torch.zeros(h_0_shape)
    c_0 = torch.zeros(c_0_shape if c_0_shape is not None else h_0_shape)
    return lambda: lstm(x, (h_0, c_0))


# Each case: (cause, message, words the explanation must hold: argument names and numbers).
def directions(rng):
    s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    message = raised(lstm_call(s, (L, B, H), (2 * L, B, H), bidirectional=True))
    words = ["factor of two", "bidirectional", f"D * num_layers = 2 * {L} = {2 * L}"]
    return "directions", message, words


def batch_first(rng):
    s = sizes(rng)
    while s["batch"] == s["num_layers"]:
        s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    message = raised(lstm_call(s, (B, L, H), batch_first=True))
    return "batch_first", message, ["swapped", "batch_first", f"Build h_0 as ({L}, {B}, {H})"]


def batch(rng):
    s = sizes(rng)
    bigger = s["batch"] + rng.randint(1, 40)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    message = raised(lstm_call(s, (L, bigger, H)))
    return "batch", message, ["batch", f"batch {bigger}", f"batch {B}", "smaller batch"]


def hidden_size(rng):
    s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    wrong = rng.choice([n for n in range(1, 30) if n != H])
    message = raised(lstm_call(s, (L, B, wrong), (L, B, H)))
    return "features", message, ["h_0", "hidden_size", f"{H} features", f"has {wrong}"]


def proj_size(rng):
    s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    P = rng.randint(1, H - 1)
    message = raised(lstm_call(s, (L, B, H), (L, B, H), proj_size=P))  # h_0 with hidden_size
    return "features", message, ["h_0", f"proj_size={P}", f"{P} features", f"has {H}"]


def c_0(rng):
    s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    P = rng.randint(1, H - 1)
    message = raised(lstm_call(s, (L, B, P), (L, B, P), proj_size=P))  # c_0 with proj_size
    return "features", message, ["c_0", f"hidden_size = {H}", "built with proj_size", f"has {P}"]


def input_size(rng):
    s = sizes(rng)
    wrong = rng.choice([n for n in range(1, 30) if n != s["input_size"]])
    lstm = nn.LSTM(s["input_size"], s["hidden_size"])
    x = torch.zeros(s["seq_len"], s["batch"], wrong)
    words = ["input_size", f"input_size={s['input_size']}", f"has {wrong} features"]
    words += ["x.transpose(1, 2) with batch_first=True", "x.permute(2, 0, 1)"]
    return "input_size", raised(lambda: lstm(x)), words


def state_3d(rng):
    s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    if rng.random() < 0.5:  # an LSTMCell's state, (batch, hidden_size)
        h_shape = c_shape = (B, H)
    else:  # any other wrong number of dimensions
        h_shape, c_shape = rng.choice([(H,), (L, B, H, 1)]), (L, B, H)
    message = raised(lstm_call(s, h_shape, c_shape))
    return "state_3d", message, ["3-D", f"{len(h_shape)}-D and {len(c_shape)}-D", "h_0"]


def state_2d(rng):
    s = sizes(rng)
    L, H = s["num_layers"], s["hidden_size"]
    lstm = nn.LSTM(s["input_size"], H, L)
    x = torch.zeros(s["seq_len"], s["input_size"])  # one sequence, no batch dimension
    state = torch.zeros(L, rng.randint(1, 4), H)
    message = raised(lambda: lstm(x, (state, state)))
    return "state_2d", message, ["unbatched", "2-D", "3-D and 3-D", "unsqueeze(1)"]


def unbatched_state_rows(rng):
    """2-D input, 2-D state with the wrong rows: torch's message shows a batch of 1."""
    s = sizes(rng)
    L, H = s["num_layers"], s["hidden_size"]
    lstm = nn.LSTM(s["input_size"], H, L)
    x = torch.zeros(s["seq_len"], s["input_size"])
    rows = rng.choice([n for n in range(1, 7) if n != L])
    state = torch.zeros(rows, H)
    message = raised(lambda: lstm(x, (state, state)))
    return "directions", message, ["unbatched", "2-D", f"({rows}, {H})", f"({L}, {H})"]


def h_0_alone(rng):
    """lstm(x, h_0) with h_0 of two rows or more: its rows 0 and 1 become a 2-D h_0 and c_0."""
    s = sizes(rng)
    bidirectional = s["num_layers"] == 1 or rng.random() < 0.5
    rows = (2 if bidirectional else 1) * s["num_layers"]
    lstm = nn.LSTM(s["input_size"], s["hidden_size"], s["num_layers"], bidirectional=bidirectional)
    x = torch.zeros(s["seq_len"], s["batch"], s["input_size"])
    message = raised(lambda: lstm(x, torch.zeros(rows, s["batch"], s["hidden_size"])))
    return "state_3d", message, ["h_0 alone", "2 rows or more", "bidirectional"]


def padded_batch(rng):
    lengths = sorted((rng.randint(1, 6) for _ in range(rng.randint(2, 6))), reverse=True)
    return torch.zeros(max(lengths), len(lengths), 3), lengths


def unsorted(rng):
    x, lengths = padded_batch(rng)
    while lengths == sorted(lengths, reverse=True):
        rng.shuffle(lengths)
        if len(set(lengths)) == 1:
            lengths[-1] += 1
    message = raised(lambda: pack_padded_sequence(x, torch.tensor(lengths)))
    return "unsorted", message, ["enforce_sorted=False", "longest first"]


def lengths_2d(rng):
    x, lengths = padded_batch(rng)
    shape = rng.choice([(len(lengths), 1), (1, len(lengths)), (1, 1, len(lengths))])
    bad = torch.tensor(lengths).reshape(shape)
    message = raised(lambda: pack_padded_sequence(x, bad))
    return "lengths", message, [f"{len(shape)}-D", "lengths", "1-D"]


def lengths_device(rng):
    x, lengths = padded_batch(rng)
    on_meta = torch.tensor(lengths, device="meta")  # no GPU here: another device all the same
    message = raised(lambda: pack_padded_sequence(x, on_meta))
    return "lengths", message, ["meta device", "lengths.cpu()", "CPU"]


def zero_length(rng):
    x, lengths = padded_batch(rng)
    lengths[-1] = rng.choice([0, 0, -1])
    message = raised(lambda: pack_padded_sequence(x, torch.tensor(lengths)))
    return "zero_length", message, ["lengths is 0", "lengths > 0"]


def gru_unpacked(rng):
    s = sizes(rng)
    rows = rng.choice([1, 3, 4, 5, 6])
    gru = nn.GRU(s["input_size"], s["hidden_size"], num_layers=rows)
    x = torch.zeros(s["seq_len"], s["batch"], s["input_size"])

    def unpack():
        _, (_, _) = gru(x)

    words = ["GRU", "output, h_n = gru(x)", "D * num_layers"]
    words.append("has 1 row" if rows == 1 else "more than 2 rows")
    return "gru", raised(unpack), words


def linear_after_bidirectional(rng):
    s = sizes(rng)
    H, classes = s["hidden_size"], rng.randint(1, 9)
    lstm = nn.LSTM(s["input_size"], H, s["num_layers"], bidirectional=True)
    output, (h_n, _) = lstm(torch.zeros(s["seq_len"], s["batch"], s["input_size"]))
    features = rng.choice([output, torch.cat([h_n[-2], h_n[-1]], dim=1)])
    message = raised(lambda: nn.Linear(H, classes)(features))
    words = ["bidirectional", f"{2 * H} = 2 * {H}", f"nn.Linear({2 * H}, {classes})"]
    return "linear", message, words


def backward_twice(rng):
    s = sizes(rng)
    lstm = nn.LSTM(s["input_size"], s["hidden_size"], s["num_layers"])
    x = torch.randn(s["seq_len"] + 1, s["batch"], s["input_size"])

    def carry_without_detach():
        state = None
        for chunk in x.split(1):
            output, state = lstm(chunk, state)
            output.sum().backward()

    return "backward", raised(carry_without_detach), ["detach()", "h.detach()"]


FLOATS = [torch.float16, torch.bfloat16, torch.float32, torch.float64]
DTYPE = {torch.float16: "float16", torch.bfloat16: "bfloat16", torch.float32: "float32"}
DTYPE |= {torch.float64: "float64", torch.int64: "int64", torch.int32: "int32"}


def lstm_and_input(rng, **options):
    s = sizes(rng)
    lstm = nn.LSTM(s["input_size"], s["hidden_size"], s["num_layers"], **options)
    return s, lstm, torch.zeros(s["seq_len"], s["batch"], s["input_size"])


def input_dtype(rng):
    """Any float input into an LSTM of another float dtype (half, bfloat16 in either place)."""
    _, lstm, x = lstm_and_input(rng)
    weight, data = rng.sample([d for d in FLOATS if d != torch.float64], 2)
    message = raised(lambda: lstm.to(weight)(x.to(data)))
    words = [f"input is {DTYPE[data]}", f"weights are {DTYPE[weight]}"]
    return "half", message, [*words, f"x.to(torch.{DTYPE[weight]})"]


def numpy_input(rng):
    _, lstm, x = lstm_and_input(rng)
    weight = rng.choice([torch.float32, torch.float16, torch.bfloat16])
    message = raised(lambda: lstm.to(weight)(x.double()))
    return "numpy", message, ["input is float64", "NumPy", f"x.to(torch.{DTYPE[weight]})"]


def token_ids(rng):
    _, lstm, x = lstm_and_input(rng)
    ids = rng.choice([torch.int64, torch.int32])
    message = raised(lambda: lstm(x.to(ids)))
    return "token_ids", message, [f"input is {DTYPE[ids]}", "nn.Embedding"]


def packed(x: torch.Tensor):
    """x, (seq_len, batch, input_size), packed with lengths that differ: oneDNN runs a packed
    batch whose lengths are all alike, and not this one (seq_len and batch at least 2)."""
    steps, batch = x.shape[:2]
    return pack_padded_sequence(x, [steps] + [steps - 1] * (batch - 1))


def state_dtype_16(rng):
    """A 16-bit state with float32 input: oneDNN's message, or torch's own with proj_size or on
    packed input (neither of which oneDNN runs)."""
    s, _, x = lstm_and_input(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    dtype = rng.choice([torch.float16, torch.bfloat16])
    P = rng.choice([0, 0, 1])
    is_packed = min(x.shape[:2]) >= 2 and rng.random() < 0.3
    lstm = nn.LSTM(s["input_size"], H, L, proj_size=P)
    h_0 = torch.zeros(L, B, P or H, dtype=dtype)
    state = (h_0, torch.zeros(L, B, H, dtype=dtype))
    message = raised(lambda: lstm(packed(x) if is_packed else x, state))
    words = ["dtype=x.dtype"] + ([DTYPE[dtype], "packed input"] if P or is_packed else [])
    return "state_dtype_16", message, words


def state_dtype_64(rng):
    """A float64 state with float32 input: oneDNN's message; torch's own with proj_size or on
    packed input; with proj_size and c_0 alone in float64, the projection's product's."""
    s = sizes(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    x = torch.zeros(s["seq_len"], B, s["input_size"])
    P = rng.choice([0, 1, H - 1])
    which = rng.choice(["h_0", "c_0", "both"])
    is_packed = min(x.shape[:2]) >= 2 and rng.random() < 0.3
    lstm = nn.LSTM(s["input_size"], H, L, proj_size=P, bidirectional=rng.random() < 0.3)
    D = 2 if lstm.bidirectional else 1
    h_0, c_0 = torch.zeros(D * L, B, P or H), torch.zeros(D * L, B, H)
    state = (
        h_0.double() if which != "c_0" else h_0,
        c_0.double() if which != "h_0" else c_0,
    )
    message = raised(lambda: lstm(packed(x) if is_packed else x, state))
    words = ["float64", "dtype=x.dtype"]
    if P and which == "c_0":
        words.append("proj_size")
    elif P or is_packed:
        words.append("packed input")
    return "state_dtype", message, words


def device(rng):
    """The model, the input or the state on the meta device (no GPU here) and the rest on CPU."""
    s, lstm, x = lstm_and_input(rng)
    L, B, H = s["num_layers"], s["batch"], s["hidden_size"]
    case = rng.choice(["model", "input", "state"])
    state = (torch.zeros(L, B, H), torch.zeros(L, B, H))
    if case == "model":
        message, words = raised(lambda: lstm.to("meta")(x)), ["input is on cpu", "on meta"]
    elif case == "input":
        message, words = raised(lambda: lstm(x.to("meta"))), ["input is on meta", "on cpu"]
    else:
        lstm, x = lstm.to("meta"), x.to("meta")
        message = raised(lambda: lstm(x, state))
        words = ["input is on meta", "c_0 is on cpu", "device=x.device"]
    return "device", message, words


def tuple_as_tensor(rng):
    _, lstm, x = lstm_and_input(rng, bidirectional=rng.random() < 0.5)
    attribute = rng.choice(["shape", "size", "view", "reshape", "contiguous", "detach"])
    if rng.random() < 0.5:
        message = raised(lambda: getattr(lstm(x), attribute))
    else:
        _, h_n = lstm(x)  # the pair (h_n, c_n)
        message = raised(lambda: getattr(h_n, attribute))
    return "tuple", message, [f".{attribute}", "output, (h_n, c_n) = lstm(x)"]


def gru_given_pair(rng):
    """A GRU given (h_0, c_0), or a module given an LSTM's whole return value: one message."""
    s = sizes(rng)
    x = torch.zeros(s["seq_len"], s["batch"], s["input_size"])
    if rng.random() < 0.5:
        gru = nn.GRU(s["input_size"], s["hidden_size"], s["num_layers"])
        state = torch.zeros(s["num_layers"], s["batch"], s["hidden_size"])
        message = raised(lambda: gru(x, (state, state)))
    else:
        second = rng.choice([nn.LSTM, nn.GRU])(s["hidden_size"], s["hidden_size"])
        message = raised(
            lambda: nn.Sequential(nn.LSTM(s["input_size"], s["hidden_size"]), second)(x)
        )
    return "gru_state", message, ["gru(x, h_0)", ".dim()", "output, _ = lstm_1(x)"]


def tagging_loss(rng):
    """Per-step logits (batch, seq_len, num_tags) into CrossEntropyLoss, seq_len != num_tags."""
    batch, steps = rng.randint(1, 9), rng.randint(1, 12)
    tags = rng.choice([n for n in range(2, 15) if n != steps])
    logits, target = torch.zeros(batch, steps, tags), torch.zeros(batch, steps).long()
    message = raised(lambda: nn.CrossEntropyLoss()(logits, target))
    words = [f"({batch}, {steps}, {tags})", "transpose(1, 2)", f"reshape(-1, {tags})"]
    return "tagging_loss", message, words


def regression_target(rng):
    """A (batch, 1) prediction against a (batch,) target, or per step: a warning, not an error."""
    batch, steps = rng.randint(2, 9), rng.randint(1, 5)
    if rng.random() < 0.5:
        prediction, target = torch.zeros(batch, 1), torch.zeros(batch)
    else:  # per step: (batch, seq_len, 1) against (batch, seq_len); broadcasts or fails
        prediction, target = torch.zeros(batch, steps, 1), torch.zeros(batch, steps)
    loss = rng.choice([nn.MSELoss(), nn.L1Loss(), nn.SmoothL1Loss(), nn.HuberLoss()])
    message = warned(lambda: loss(prediction, target))
    try:
        both = torch.broadcast_shapes(prediction.shape, target.shape)
        words = [f"{both.numel()} differences, shape ({', '.join(map(str, both))})"]
    except RuntimeError:
        words = ["do not broadcast"]
    return "target_broadcast", message, [*words, "squeeze(-1)"]


def attention_bmm(rng):
    s, lstm, x = lstm_and_input(rng, batch_first=True, bidirectional=True)
    x = x.transpose(0, 1)
    output, (h_n, _) = lstm(x)  # (batch, seq_len, 2 * hidden_size)
    H = s["hidden_size"]
    case = rng.choice(["2d", "one_direction", "first_2d"])
    if case == "2d":
        message = raised(lambda: torch.bmm(output, h_n[-1]))
        words = ["batch2 is not 3-D", "unsqueeze(2)"]
    elif case == "first_2d":
        message = raised(lambda: torch.bmm(h_n[-1], output.transpose(1, 2)))
        words = ["batch1 is not 3-D", "unsqueeze(1)"]
    else:
        message = raised(lambda: torch.bmm(output, h_n[-1].unsqueeze(2)))
        words = [f"{2 * H} = 2 * {H}", "torch.cat([h_n[-2], h_n[-1]], dim=1)"]
    return "attention_bmm", message, words


def attention_mask(rng):
    batch, steps = rng.randint(1, 9), rng.randint(1, 9)
    while batch == steps or 1 in (batch, steps):
        batch, steps = rng.randint(1, 9), rng.randint(1, 9)
    scores = torch.zeros(batch, steps)
    mask = torch.ones(steps, batch, dtype=torch.bool)  # built (seq_len, batch)
    call = rng.choice(
        [lambda: scores.masked_fill(~mask, 0), lambda: scores * mask, lambda: scores + mask]
    )
    message = raised(call)
    return "attention_mask", message, ["mask", "(batch, seq_len)", "dimension"]


def ctc_batch_first(rng):
    batch, steps, classes = rng.randint(1, 6), rng.randint(2, 9), rng.randint(2, 6)
    while batch == steps:
        steps = rng.randint(2, 9)
    log_probs = torch.zeros(batch, steps, classes).log_softmax(2)  # batch first
    targets = torch.ones(batch, 1).long()
    lengths = torch.full((batch,), steps), torch.ones(batch).long()
    message = raised(lambda: nn.CTCLoss()(log_probs, targets, *lengths))
    return "ctc", message, ["(T, N, C)", "log_probs.transpose(0, 1)"]


def ctc_input_lengths(rng):
    """input_lengths counted before a CNN's stride, or read from the batch dimension."""
    batch, steps, classes = rng.randint(1, 6), rng.randint(2, 9), rng.randint(2, 6)
    given = rng.choice([steps * rng.randint(2, 4), steps + rng.randint(1, 9)])
    log_probs = torch.zeros(steps, batch, classes).log_softmax(2)  # time first
    lengths = torch.full((batch,), steps)
    lengths[rng.randrange(batch)] = given
    targets, target_lengths = torch.ones(batch, 1).long(), torch.ones(batch).long()
    message = raised(lambda: nn.CTCLoss()(log_probs, targets, lengths, target_lengths))
    words = [f"T = {steps} steps", f"entry is {given}", "after the CNN"]
    if given % steps == 0:
        words.append(f"total stride of {given // steps}")
    return "ctc", message, words


def autocast_float16(rng):
    """A float32 LSTM under float16 autocast on the CPU: oneDNN runs it (no proj_size, unpacked)."""
    s, _, x = lstm_and_input(rng)
    options = dict(bidirectional=rng.random() < 0.5, batch_first=rng.random() < 0.5)
    lstm = nn.LSTM(s["input_size"], s["hidden_size"], s["num_layers"], **options)
    if options["batch_first"]:
        x = x.transpose(0, 1)
    if rng.random() < 0.25:
        x = x[:, 0]  # unbatched
    with torch.autocast("cpu", dtype=torch.float16):
        message = raised(lambda: lstm(x))
    return "state_dtype_16", message, ["autocast", "dtype=torch.bfloat16", "dtype=x.dtype"]


def rnn_of(rng, s: dict):
    """An LSTM, GRU or RNN of random options (proj_size for an LSTM only)."""
    kind = rng.choice([nn.LSTM, nn.GRU, nn.RNN])
    options = dict(bidirectional=rng.random() < 0.5, batch_first=rng.random() < 0.5)
    if kind is nn.LSTM and rng.random() < 0.3:
        options["proj_size"] = rng.randint(1, s["hidden_size"] - 1)
    return kind(s["input_size"], s["hidden_size"], s["num_layers"], **options)


def packed_batch_first(rng):
    """A batch-first padded batch packed without batch_first=True (enforce_sorted=False)."""
    s = sizes(rng)
    rnn = rnn_of(rng, s)
    while True:  # a batch for which the mistake raises: not the silent case
        lengths = [rng.randint(1, 9) for _ in range(rng.randint(1, 7))]
        steps = max(lengths) + rng.choice([0, 0, 2])
        batch = len(lengths)
        if max(lengths) > batch or batch > steps:
            break
    x = torch.zeros(batch, steps, s["input_size"])
    message = raised(
        lambda: rnn(pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=False))
    )
    words = ["batch_first=True, enforce_sorted=False"]
    if "exceeds dimension size" in message:
        longer = sum(length > batch for length in lengths)
        rows = sum(min(length, batch) for length in lengths)
        row_word = "row" if rows == 1 else "rows"
        words += [f"after its {rows} {row_word} with {longer} more", f"{longer} of your sequences"]
    elif "INDICES" in message:
        words += [f"has steps ({steps})"]
    else:
        words += [f"one length, above the batch size ({batch})", f"({max(lengths)}, {batch}"]
    return "packed_batch_first", message, words


KERAS = {"units": "hidden_size", "return_sequences": "every step", "activation": "nonlinearity"}


def lstm_keyword(rng):
    s = sizes(rng)
    module = rng.choice([nn.LSTM, nn.GRU, nn.RNN])
    keyword = rng.choice(["layer_norm", "peepholes", "use_peepholes", "layernorm", *KERAS])
    message = raised(lambda: module(s["input_size"], s["hidden_size"], **{keyword: True}))
    words = [f"no {keyword} argument"]
    words.append(KERAS.get(keyword, "write the step yourself"))
    return "lstm_keyword", message, words


def parameter_tensor(rng):
    _, rnn, _ = lstm_and_input(rng, bidirectional=rng.random() < 0.5)
    name, weight = rng.choice(list(rnn.named_parameters()))
    dtype = rng.choice([torch.float32, torch.float64])
    dropped = F.dropout(weight.to(dtype), 0.5, training=True)  # not an nn.Parameter
    message = raised(lambda: setattr(rnn, name, dropped))
    tensor_type = "torch.FloatTensor" if dtype == torch.float32 else "torch.DoubleTensor"
    words = [f"({tensor_type}) to {name}", "nn.Parameter or None", "parametrization"]
    if name.startswith("weight_hh"):
        words.append("weight-dropout")
    return "parameter_tensor", message, words


def transformer_mask(rng):
    """A padding mask of another shape, while training or in eval mode, with autograd or not."""
    batch, steps, d_model = rng.randint(1, 7), rng.randint(1, 7), 2 * rng.randint(1, 4)
    while batch == steps:
        steps = rng.randint(1, 7)
    batch_first = rng.random() < 0.5
    layer = nn.TransformerEncoderLayer(d_model, 2, 8, batch_first=batch_first)
    nested = rng.random() < 0.5 and batch_first  # the nested-tensor path wants batch_first
    encoder = nn.TransformerEncoder(layer, rng.randint(1, 2), enable_nested_tensor=nested)
    encoder.train(rng.random() < 0.5)
    x = torch.zeros(batch, steps, d_model) if batch_first else torch.zeros(steps, batch, d_model)
    mask = torch.zeros(rng.choice([(steps, batch), (batch, steps + 1)]), dtype=torch.bool)
    with torch.set_grad_enabled(rng.random() < 0.5):
        message = raised(lambda: encoder(x, src_key_padding_mask=mask))
    words = ["(batch, seq_len), True at the padding"]
    found = re.search(r"shape\[(\d)\] to be (\d+), but got (\d+)", message)
    if found:
        dim, expected, given = found.groups()
        words.append(f"{given} along dimension {dim} where the encoder expects {expected}")
        words.append("its batch" if dim == "0" else "its seq_len")
    return "transformer_mask", message, words


def transformer_unpacked(rng):
    """output, (h_n, c_n) = encoder(x) on an nn.TransformerEncoder."""
    first, second = rng.choice([1, 3, 4, 5, 6]), rng.randint(1, 6)
    layer = nn.TransformerEncoderLayer(4, 2, 8, batch_first=rng.random() < 0.5)
    encoder = nn.TransformerEncoder(layer, 1, enable_nested_tensor=False)

    def unpack():
        _, (_, _) = encoder(torch.zeros(first, second, 4))

    return "gru", raised(unpack), ["nn.TransformerEncoder", "output = encoder(x)"]


def bce_target(rng):
    batch, steps = rng.randint(1, 9), rng.randint(2, 6)
    prediction, target = rng.choice(
        [((batch, 1), (batch,)), ((batch, steps, 1), (batch, steps)), ((batch,), (batch, 1))]
    )
    loss, squash = rng.choice([(nn.BCEWithLogitsLoss(), False), (nn.BCELoss(), True)])
    logits = torch.zeros(prediction)
    message = raised(lambda: loss(logits.sigmoid() if squash else logits, torch.zeros(target)))
    words = [f"prediction is ({', '.join(map(str, prediction))})", "do not broadcast"]
    if prediction[-1] == 1 and len(prediction) > len(target):
        words.append("prediction.squeeze(-1)")
    return "bce_target", message, words


CAUSES = [
    directions,
    batch_first,
    batch,
    hidden_size,
    proj_size,
    c_0,
    input_size,
    state_3d,
    state_2d,
    unbatched_state_rows,
    h_0_alone,
    unsorted,
    lengths_2d,
    lengths_device,
    zero_length,
    gru_unpacked,
    linear_after_bidirectional,
    backward_twice,
    input_dtype,
    numpy_input,
    token_ids,
    state_dtype_16,
    state_dtype_64,
    device,
    tuple_as_tensor,
    gru_given_pair,
    tagging_loss,
    regression_target,
    attention_bmm,
    attention_mask,
    ctc_batch_first,
    ctc_input_lengths,
    autocast_float16,
    packed_batch_first,
    lstm_keyword,
    parameter_tensor,
    transformer_mask,
    transformer_unpacked,
    bce_target,
]


@pytest.fixture(scope="module")
def torch_messages():
    """CONFIGS_PER_CAUSE real messages for each cause: {cause: [(anchor key, message, words)]}."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny runs: the thread pool only slows them down
    rng = random.Random(14)
    torch.manual_seed(0)
    cases = {cause.__name__: [cause(rng) for _ in range(CONFIGS_PER_CAUSE)] for cause in CAUSES}
    torch.set_num_threads(threads)
    return cases


def open_decoder(watched_page, site_url: str, query: str = ""):
    page = watched_page.page
    page.goto(f"{site_url}error-decoder/{query}", wait_until="load")
    page.wait_for_function("document.getElementById('lstm-diagnoser')?.dataset.ready === 'true'")
    return page


def quoted(number: str, text: str) -> bool:
    return re.search(rf"(?<!\d){number}(?!\d)", text) is not None


def test_real_torch_messages_get_their_entry_and_their_numbers(
    watched_page, site_url, torch_messages
):
    page = open_decoder(watched_page, site_url)
    anchors = entries(page)
    tested = {key for cases in torch_messages.values() for key, _, _ in cases}
    assert set(anchors) == tested | {"export"}  # export: test_torch_export_messages_get_...
    counts = {}
    for cause, cases in torch_messages.items():
        messages = [message for _, message, _ in cases]
        results = page.evaluate("ms => ms.map(m => window.lstmDiagnose(m))", messages)
        for (key, message, words), result in zip(cases, results, strict=True):
            where = f"{cause}: {message}\n-> {json.dumps(result)}"
            assert result.get("anchor") == anchors[key], where
            explanation = result["explanation"]
            for word in words:
                assert word in explanation, f"{where}\nmissing: {word!r}"
            if key in ("directions", "batch_first", "batch", "features"):  # hidden[0] / [1]
                for number in re.findall(r"\d+", message.split("size", 1)[1]):
                    assert quoted(number, explanation), f"{where}\nnot quoted: {number}"
        counts[cause] = len(cases)
    print("real torch messages diagnosed, by cause:", json.dumps(counts))
    assert all(count >= 20 for count in counts.values())
    assert not watched_page.console_errors, watched_page.console_errors


class Packing(nn.Module):
    """An LSTM that packs inside forward: its export fails on the lengths."""

    def __init__(self, lstm: nn.LSTM) -> None:
        super().__init__()
        self.lstm = lstm

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        _, (h_n, _) = self.lstm(pack_padded_sequence(x, lengths, enforce_sorted=False))
        return h_n


def exported(rng, packing: bool, dim):
    """torch.export with a dynamic seq_len: the message, with the example's length and dim."""
    s = sizes(rng)
    steps, batch = rng.randint(2, 9), rng.randint(1, 4)
    lstm = nn.LSTM(s["input_size"], s["hidden_size"], s["num_layers"])
    x = torch.zeros(steps, batch, s["input_size"])
    if packing:
        lengths = torch.tensor([steps] + [rng.randint(1, steps) for _ in range(batch - 1)])
        return raised(lambda: export(Packing(lstm), (x, lengths), dynamic_shapes=({0: dim}, None)))
    return steps, raised(lambda: export(lstm.eval(), (x,), dynamic_shapes=({0: dim},)))


@pytest.fixture(scope="module")
def export_messages():
    """Real torch.export messages at a few configurations: the first export costs seconds."""
    rng = random.Random(3)
    cases = []
    for name in ("seq_len", "steps", "T"):
        steps, message = exported(rng, packing=False, dim=Dim(name))
        cases.append((message, [f"fixed {name}", f"length, {steps}", "while_loop"]))
    steps, message = exported(rng, packing=False, dim=Dim.DYNAMIC)  # torch names the dimension
    cases.append((message, ["L['input'].size()[0]", f"length, {steps}", "while_loop"]))
    for name in ("seq_len", "T"):
        message = exported(rng, packing=True, dim=Dim(name))
        cases.append((message, ["size number 2", "pack_padded_sequence", "lengths - 1"]))
    return cases


def test_torch_export_messages_get_their_entry(watched_page, site_url, export_messages):
    """The patterns come from snippets/deploying/010's output, shown on the decoder page."""
    page = open_decoder(watched_page, site_url)
    anchor = entries(page)["export"]
    messages = [message for message, _ in export_messages]
    results = page.evaluate("ms => ms.map(m => window.lstmDiagnose(m))", messages)
    for (message, words), result in zip(export_messages, results, strict=True):
        where = f"{message}\n-> {json.dumps(result)}"
        assert result.get("anchor") == anchor, where
        for word in words:
            assert word in result["explanation"], f"{where}\nmissing: {word!r}"
    assert not watched_page.console_errors, watched_page.console_errors


NOT_RECOGNISED = [
    "",
    "   \n\t ",
    "KeyError: 'weight'",
    "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB",
    "RuntimeError: Expected hidden size (1, 3, 20), got [2, 3, 20]",  # a GRU's, not an LSTM's
    "Expected hidden[0] size (a, b, c), got [1, 2, 3]",
    "ValueError: not enough values to unpack (expected 3, got 2)",
    "mat1 and mat2 shapes cannot be multiplied",
    "RuntimeError: shape '[2, 3, 4]' is invalid for input of size 5",  # not from packing
    "}{)(][\\^$.|?*+ \u0000 \ud83d\ude00 " * 50,
    "x" * 200_000,
]


def test_other_text_gets_an_error_sentence_and_nothing_escapes(watched_page, site_url):
    page = open_decoder(watched_page, site_url)
    results = page.evaluate("ms => ms.map(m => window.lstmDiagnose(m))", NOT_RECOGNISED)
    odd = page.evaluate(
        "[null, undefined, 42, {}, ['Expected hidden[0] size'], Symbol('x')].map(m => {"
        " try { return window.lstmDiagnose(m); } catch (e) { return {thrown: String(e)}; } })"
    )
    rng = random.Random(0)
    alphabet = "Expected hidden[0] size (, ) got 0123456789 lengths mat1x: \n"
    garbage = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80))) for _ in range(300)]
    fuzzed = page.evaluate(
        "ms => ms.map(m => { try { return window.lstmDiagnose(m); }"
        " catch (e) { return {thrown: String(e)}; } })",
        garbage,
    )
    for text, result in zip(NOT_RECOGNISED, results, strict=True):
        assert set(result) == {"error"}, (text[:80], result)
        assert result["error"].endswith("."), result
    # It sends the reader to the list of message starts, which is there.
    unknown = [r["error"] for r in results if "does not recognise" in r["error"]]
    assert unknown and all("the list below the box" in error for error in unknown), unknown
    assert "Expected hidden[0] size" in page.locator("#lstm-diagnoser ~ ul").first.inner_text()
    for result in odd:
        assert set(result) == {"error"}, result
    for text, result in zip(garbage, fuzzed, strict=True):
        assert "thrown" not in result, (text, result)
        assert set(result) in ({"error"}, {"anchor", "explanation"}), (text, result)
    assert not watched_page.console_errors, watched_page.console_errors


def test_patterns_come_from_the_page_output(watched_page, site_url):
    """Remove a line of the build-captured output and its message is no longer recognised."""
    page = open_decoder(watched_page, site_url)
    message = "Expected hidden[0] size (2, 4, 256), got [2, 64, 256]"
    assert "anchor" in page.evaluate("m => window.lstmDiagnose(m)", message)
    page.evaluate(
        """() => {
        const code = document.querySelectorAll(
          'div[data-snippet$="030_diagnoser_messages.py"] > .highlight code')[1];
        code.textContent = code.textContent.split('\\n')
          .filter(line => !line.startsWith('h_0_size:')).join('\\n');
      }"""
    )
    assert set(page.evaluate("m => window.lstmDiagnose(m)", message)) == {"error"}
    # On another page there are no templates: a sentence, and nothing costly was set up.
    page.goto(site_url, wait_until="load")
    assert "error decoder page" in page.evaluate("m => window.lstmDiagnose(m)", message)["error"]


def test_the_box_by_keyboard_and_the_url_shares_the_diagnosis(watched_page, site_url):
    page = open_decoder(watched_page, site_url)
    label = page.eval_on_selector("#diagnoser-message", "t => t.labels[0].textContent.trim()")
    assert label == "Paste your error"
    assert page.get_attribute("#diagnoser-result", "aria-live") == "polite"
    message = "RuntimeError: Expected hidden[0] size (2, 4, 256), got [2, 64, 256]"
    page.focus("#diagnoser-message")
    page.keyboard.insert_text(message)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").count("diagnoser-button")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the button shows no focus"
    page.keyboard.press("Enter")
    result = page.locator("#diagnoser-result")
    assert "built for batch 64" in result.inner_text()
    assert "the input has batch 4" in result.inner_text()
    link = result.locator("a")
    assert link.get_attribute("href") == entries(page)["batch"]
    assert link.inner_text().startswith("Read the entry: State from a bigger batch")

    shared = page.url
    assert parse_qs(urlparse(shared).query)["error"] == [message]
    page.goto(site_url, wait_until="load")
    page.goto(shared, wait_until="load")
    page.wait_for_function("document.getElementById('lstm-diagnoser')?.dataset.ready")
    assert page.input_value("#diagnoser-message") == message
    assert "built for batch 64" in page.inner_text("#diagnoser-result")

    # An unknown message says so, in the live region, and the link goes.
    page.fill("#diagnoser-message", "KeyError: 'weight'")
    page.click(".diagnoser-button")
    assert "does not recognise" in page.inner_text("#diagnoser-result")
    assert page.locator("#diagnoser-result a").count() == 0
    assert not watched_page.console_errors, watched_page.console_errors


def test_following_a_link_starts_the_box(watched_page, site_url):
    page = watched_page.page
    page.goto(f"{site_url}faq/", wait_until="load")
    page.click("nav.md-nav--primary a[href$='error-decoder/']")
    page.wait_for_function("document.getElementById('lstm-diagnoser')?.dataset.ready === 'true'")
    page.fill(
        "#diagnoser-message", "input.size(-1) must be equal to input_size. Expected 10, got 7"
    )
    page.click(".diagnoser-button")
    assert "input_size=10" in page.inner_text("#diagnoser-result")
    assert not watched_page.console_errors, watched_page.console_errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_with_a_diagnosis(new_context, site_url, scheme):
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm ci"
    context = new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    for message in ["Expected hidden[1] size (2, 3, 20), got [2, 3, 8]", "KeyError: 'weight'"]:
        page.goto(f"{site_url}error-decoder/?error={quote(message, safe='')}", wait_until="load")
        page.wait_for_function("document.getElementById('diagnoser-result').textContent")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run('#lstm-diagnoser')).violations"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))"
        )
        assert violations == [], violations
    context.close()


# Texts older torch releases printed, as quoted on the page (040_older_messages.py), with other
# dtypes put in: (message, cause, words the explanation must hold, words it must not).
# "expected scalar type X but found Y" came from the LSTM call (X the input's dtype) and, best
# known, from nll_loss and CrossEntropyLoss given a target that is not int64 (X = Long): the
# explanation says both where X is Long, and hedges the LSTM reading everywhere.
LOSS = "target.long()"
LSTM_CALL = "If it came from the LSTM call"
OLDER_MESSAGES = [
    ("ValueError: input must have the type torch.float32, got type torch.float64", "numpy", [], []),
    ("ValueError: input must have the type torch.float32, got type torch.float16", "half", [], []),
    ("ValueError: input must have the type torch.bfloat16, got type torch.float32", "half", [], []),
    (
        "ValueError: input must have the type torch.float32, got type torch.int64",
        "token_ids",
        [],
        [LOSS],
    ),
    (
        "RuntimeError: expected scalar type Long but found Float",
        "token_ids",
        [LOSS, "target is float32", LSTM_CALL, "input is int64"],
        [],
    ),
    (
        "RuntimeError: expected scalar type Long but found Int",
        "token_ids",
        [LOSS, "target is int32", LSTM_CALL],
        [],
    ),
    (
        "RuntimeError: expected scalar type Double but found Float",
        "numpy",
        [LSTM_CALL, "input is float64"],
        [LOSS],
    ),
    (
        "RuntimeError: expected scalar type Half but found Float",
        "half",
        [LSTM_CALL, "input is float16"],
        [LOSS],
    ),
]


def test_older_torch_messages_find_their_entry(watched_page, site_url):
    page = open_decoder(watched_page, site_url)
    anchors = entries(page)
    messages = [message for message, *_ in OLDER_MESSAGES]
    results = page.evaluate("ms => ms.map(m => window.lstmDiagnose(m))", messages)
    for (message, cause, words, absent), result in zip(OLDER_MESSAGES, results, strict=True):
        assert result.get("anchor") == anchors[cause], (message, result)
        explanation = result["explanation"]
        assert explanation.startswith("This is how an older torch worded it"), result
        assert all(word in explanation for word in words), (message, words, result)
        assert not any(word in explanation for word in absent), (message, absent, result)
    # A message torch 2.13 prints is not labelled older.
    current = raised(lambda: nn.LSTM(2, 3)(torch.zeros(1, 1, 2).half()))
    assert "older" not in page.evaluate("m => window.lstmDiagnose(m)", current)["explanation"]
    # The older patterns come from the page's quoted block: without it, no entry.
    page.evaluate(
        """() => {
        const code = document.querySelectorAll(
          'div[data-snippet$="040_older_messages.py"] > .highlight code')[1];
        code.textContent = '';
      }"""
    )
    assert set(page.evaluate("m => window.lstmDiagnose(m)", messages[0])) == {"error"}
    assert not watched_page.console_errors, watched_page.console_errors


def test_the_arguments_the_keyword_entry_lists_are_torchs(watched_page, site_url):
    """For a keyword it does not know, the explanation lists nn.LSTM's arguments: torch's own."""
    page = open_decoder(watched_page, site_url)
    message = raised(lambda: nn.LSTM(2, 3, forget_bias=1.0))
    explanation = page.evaluate("m => window.lstmDiagnose(m)", message)["explanation"]
    listed = re.search(r"Their arguments are (.+)\.$", explanation).group(1)
    names = set(re.findall(r"(\w+)(?: \(nn\.\w+ only\))?(?:,| and|$)", listed))
    accepted = set(inspect.signature(nn.RNNBase.__init__).parameters) - {"self", "mode"}
    assert names == accepted | {"nonlinearity"}, (names, listed)
    assert "nn.RNN only" in listed.split("nonlinearity", 1)[1][:16]
    nn.RNN(2, 3, nonlinearity="relu")  # accepted by nn.RNN ...
    with pytest.raises(ValueError, match="proj_size"):
        nn.GRU(2, 3, proj_size=1)  # ... and proj_size by nn.LSTM alone
    assert not watched_page.console_errors, watched_page.console_errors
