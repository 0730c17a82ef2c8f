import re
import warnings

import torch
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

torch.manual_seed(0)


def caught(call):
    try:
        call()
    except (RuntimeError, ValueError, AttributeError, TypeError, AssertionError) as error:
        return f"{type(error).__name__}: {error}"
    raise AssertionError("no error")


def warned(call):
    with warnings.catch_warnings(record=True) as caught_warnings:
        warnings.simplefilter("always")
        call()
    return f"{caught_warnings[0].category.__name__}: {caught_warnings[0].message}"


def first_sentence(message):
    # The rest of this message repeats both dtypes, in its advice.
    return message.split(". ", 1)[0] + "."


def template(message, **sentinels):
    # Each sentinel value must appear exactly once; it becomes a {name} placeholder.
    for name, value in sentinels.items():
        # A word (a device, a dtype) or a shape ("5, 1") whole, or a number that is not part of
        # a longer one.
        word = isinstance(value, str)
        pattern = rf"\b{re.escape(value)}\b" if word else rf"(?<!\d){value}(?!\d)"
        assert len(re.findall(pattern, message)) == 1, (name, value, message)
        message = re.sub(pattern, "{" + name + "}", message)
    return message


# Sizes chosen so that no two numbers in one message are alike.
lstm = nn.LSTM(input_size=2, hidden_size=7, num_layers=3)
x = torch.zeros(1, 5, 2)  # (seq_len, batch=5, input_size)
fine, wrong = torch.zeros(3, 5, 7), torch.zeros(11, 13, 17)
shape = dict(rows=3, batch=5, features=7, given_rows=11, given_batch=13, given_features=17)
templates = {
    "h_0_size": template(caught(lambda: lstm(x, (wrong, fine))), **shape),
    "c_0_size": template(caught(lambda: lstm(x, (fine, wrong))), **shape),
    "input_size": template(
        caught(lambda: nn.LSTM(13, 3)(torch.zeros(1, 1, 17))), input_size=13, features=17
    ),
    "state_3d": template(
        caught(lambda: lstm(x, (torch.zeros(3), torch.zeros(3, 5, 7, 1)))), h_dims=1, c_dims=4
    ),
    "state_2d": template(
        caught(lambda: lstm(x[:, 0], (torch.zeros(3), torch.zeros(3, 5, 7, 1)))),
        h_dims=1,
        c_dims=4,
    ),
}
padded = torch.zeros(5, 3, 2)  # (seq_len, batch, input_size)
lengths = torch.tensor([[[5, 3, 2]]], device="meta")  # 3-D and not on the CPU
templates["lengths_tensor"] = template(
    caught(lambda: pack_padded_sequence(padded, lengths)), dims=3, device="meta"
)
templates["unsorted_lengths"] = caught(lambda: pack_padded_sequence(padded, [2, 3, 5]))
templates["zero_length"] = caught(lambda: pack_padded_sequence(padded, [5, 3, 0]))


def unpack_gru_like_lstm(num_layers):
    output, (h_n, c_n) = nn.GRU(2, 7, num_layers)(x)


templates["gru_one_row"] = template(caught(lambda: unpack_gru_like_lstm(1)), rows=1)
templates["gru_many_rows"] = caught(lambda: unpack_gru_like_lstm(3))
both_directions = torch.zeros(5, 14)  # (batch, 2 * hidden_size) into a Linear(hidden_size, ...)
templates["linear_features"] = template(
    caught(lambda: nn.Linear(7, 11)(both_directions)),
    rows=5,
    features=14,
    in_features=7,
    out_features=11,
)


def backward_twice():
    state = None
    for chunk in torch.randn(2, 1, 2).split(1):  # the state carried on without detach()
        output, state = lstm(chunk, state)
        output.sum().backward()


templates["backward_twice"] = caught(backward_twice)

# Around the LSTM: dtypes, devices, the returned tuple, losses, attention.
bfloat16_lstm = nn.LSTM(2, 7).bfloat16()
templates["rnn_dtype"] = template(
    first_sentence(caught(lambda: bfloat16_lstm(x.half()))),
    input_dtype="float16",
    weight_dtype="bfloat16",
)
half_state = (torch.zeros(3, 5, 7).half(), torch.zeros(3, 5, 7).half())
templates["state_dtype_onednn"] = caught(lambda: lstm(x, half_state))
float64_state = (torch.zeros(3, 5, 7).double(), torch.zeros(3, 5, 7).double())
templates["state_dtype_mkldnn"] = caught(lambda: lstm(x, float64_state))
templates["state_dtype_mat1"] = template(
    caught(lambda: nn.LSTM(2, 7).double()(x.double(), (half_state[0][:1], half_state[1][:1]))),
    first_dtype="Half",
    second_dtype="Double",
)
# With proj_size set, c_0 alone in float64: the projection's product meets the promoted step.
projected = nn.LSTM(2, 7, proj_size=3)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "LSTM with projections is not supported with oneDNN"
    templates["state_dtype_m1"] = template(
        caught(lambda: projected(x, (torch.zeros(1, 5, 3), float64_state[1][:1]))),
        first_dtype="double",
        second_dtype="float",
    )
on_meta = nn.LSTM(2, 7).to("meta")
templates["device_parameter"] = template(
    caught(lambda: on_meta(x)), input_device="cpu", other_device="meta"
)
templates["device_hidden"] = template(
    caught(lambda: on_meta(x.to("meta"), (torch.zeros(1, 5, 7), torch.zeros(1, 5, 7)))),
    input_device="meta",
    other_device="cpu",
)
templates["tuple_attribute"] = template(caught(lambda: lstm(x).size()), attribute="size")
templates["target_size"] = template(
    caught(lambda: nn.CrossEntropyLoss()(torch.zeros(5, 13, 17), torch.zeros(5, 11).long())),
    expected_shape="5, 17",
    given_shape="5, 11",
)
templates["target_broadcast"] = template(
    warned(lambda: nn.MSELoss()(torch.zeros(5, 1), torch.zeros(8))),
    target_shape="8",
    input_shape="5, 1",
)
templates["bmm_sizes"] = template(
    caught(lambda: torch.bmm(torch.zeros(13, 5, 17), torch.zeros(11, 19, 1))),
    batch=13,
    features=17,
    given_batch=11,
    given_features=19,
)
templates["bmm_3d"] = template(
    caught(lambda: torch.bmm(torch.zeros(13, 5), torch.zeros(13, 5, 1))), which=1
)
templates["broadcast"] = template(
    caught(lambda: torch.zeros(2, 13) + torch.zeros(2, 17)), a_size=13, b_size=17, dim=1
)
ctc_inputs = torch.zeros(3, 6, 5).log_softmax(2), torch.ones(3, 2).long()  # batch first
ctc_lengths = torch.full((3,), 6), torch.full((3,), 2)
templates["ctc_lengths"] = caught(lambda: nn.CTCLoss()(*ctc_inputs, *ctc_lengths))
# Time first, 3 steps, and input_lengths of 11: counted before a CNN shortened the sequence.
time_first = torch.zeros(3, 5, 4).log_softmax(2), torch.ones(5, 2).long()
templates["ctc_input_lengths"] = template(
    caught(lambda: nn.CTCLoss()(*time_first, torch.full((5,), 11), torch.full((5,), 2))),
    steps=3,
    given=11,
)


# Packing a batch-first tensor without batch_first=True (enforce_sorted=False): the module runs
# out of packed rows (here a PackedSequence whose batch_sizes ask for more rows than its data
# holds, as that mistake makes, with numbers that differ), or packing's index_select runs out of
# steps, or (every length alike) oneDNN's reshape of the packed data fails.
too_short = PackedSequence(torch.zeros(13, 2), torch.tensor([5, 5, 4, 4]))
templates["packed_rows"] = template(
    caught(lambda: nn.GRU(2, 7)(too_short)), start=10, length=4, rows=13
)
templates["packed_index"] = template(
    caught(
        lambda: pack_padded_sequence(
            torch.zeros(7, 5, 2), torch.tensor([1, 3, 4, 3, 4, 4, 5]), enforce_sorted=False
        )
    ),
    index=6,
    steps=5,
)
one_length_above_batch = pack_padded_sequence(
    torch.zeros(3, 7, 5), torch.tensor([7, 7, 7]), enforce_sorted=False
)
templates["packed_view"] = template(
    caught(lambda: nn.LSTM(5, 2)(one_length_above_batch)),
    steps=7,
    batch=3,
    features=5,
    size=45,
)

# What nn.LSTM does not have, and weight dropout assigned in place of a parameter.
templates["lstm_keyword"] = template(
    caught(lambda: nn.LSTM(2, 7, layer_norm=True)), keyword="layer_norm"
)
templates["parameter_tensor"] = template(
    caught(lambda: setattr(nn.LSTM(2, 7), "weight_hh_l0", torch.zeros(28, 7))),
    tensor_type="torch.FloatTensor",
    parameter="weight_hh_l0",
)


# nn.TransformerEncoder's padding mask, (batch, seq_len): while training, in eval mode (the
# nested-tensor path, on by default), and in eval mode without it.
def transformer(nested):
    layer = nn.TransformerEncoderLayer(4, nhead=2, dim_feedforward=4, batch_first=True)
    return nn.TransformerEncoder(layer, 1, enable_nested_tensor=nested)


sequences = torch.zeros(13, 19, 4)  # (batch, seq_len, d_model)
templates["mask_shape"] = template(
    caught(lambda: transformer(True)(sequences, src_key_padding_mask=torch.zeros(17, 19) > 0)),
    dim=0,
    expected=13,
    given=17,
)
with torch.no_grad():
    mask = torch.zeros(19, 13) > 0  # (seq_len, batch)
    templates["mask_nested"] = caught(
        lambda: transformer(True).eval()(sequences, src_key_padding_mask=mask)
    )
    templates["mask_fused"] = caught(
        lambda: transformer(False).eval()(sequences, src_key_padding_mask=mask)
    )

# Binary cross-entropy on a (batch, 1) prediction and a (batch,) target.
templates["bce_target"] = template(
    caught(lambda: nn.BCEWithLogitsLoss()(torch.zeros(5, 1), torch.zeros(8))),
    target_shape="8",
    input_shape="5, 1",
)
templates["bce_deprecated"] = template(
    first_sentence(caught(lambda: nn.BCELoss()(torch.zeros(5, 1), torch.zeros(8)))),
    target_shape="8",
    input_shape="5, 1",
)

for key, text in templates.items():
    print(f"{key}: {text}")
assert len(templates) == 37 and all(": " in text for text in templates.values())
