// The error diagnoser (the "Paste your error" box on docs/error-decoder.md): reads a torch error
// message and says, with the message's own numbers, what disagrees and which entry explains it.
// Loaded on every page; it does nothing until a page has the box.
//
// Its patterns are not typed here: snippets/error-decoder/030_diagnoser_messages.py makes torch
// raise each error at build, with sentinel sizes, and prints every message with {name}
// placeholders where the sizes were; snippets/error-decoder/040_older_messages.py prints, the
// same way, the texts older torch releases printed (quoted with their sources, not run);
// snippets/deploying/010_export_dynamic_seq_len.py, also shown on the page, prints the messages
// of torch.export as torch wrote them (an export is too slow to run in 030). This script reads
// that printed output from the page and turns each message into a regular expression. tests/browser/test_diagnoser.py pastes real torch messages from many random
// configurations.
//
// Stable contract: window.lstmDiagnose(message) -> {anchor: "#id", explanation} or {error};
// it never throws.
(function () {
  "use strict";

  const CURRENT = 'div[data-snippet="snippets/error-decoder/030_diagnoser_messages.py"]';
  const OLDER = 'div[data-snippet="snippets/error-decoder/040_older_messages.py"]';
  const EXPORT = 'div[data-snippet="snippets/deploying/010_export_dynamic_seq_len.py"]';
  // 010 prints its two messages with nothing replaced: the exception type says which is which,
  // and names the placeholder that its one number becomes.
  const EXPORT_KEYS = {
    UserError: ["export_specialized", "length"],
    TypeError: ["export_packing", "position"],
  };
  // Placeholders that hold a word, not a number.
  const WORDS = new Set(["device", "attribute", "keyword", "parameter"]);
  const NO_PATTERNS =
    "The diagnoser's patterns are missing: it works on the error decoder page, which shows " +
    "the messages torch printed at build.";

  // What a placeholder matches: a word (a device such as cuda:0, a dtype), a dotted type name
  // (torch.FloatTensor), a shape ("5, 1"), or a number.
  function placeholder(name) {
    // A dimension's name: the reader's Dim("...") name, or torch's own, L['x'].size()[0].
    if (name === "dim") return `(?<dim>\\S+?)`;
    if (/_type$/.test(name)) return `(?<${name}>[\\w.:]+)`;
    if (WORDS.has(name) || /_(device|dtype)$/.test(name)) return `(?<${name}>[\\w:]+)`;
    if (/_shape$/.test(name)) return `(?<${name}>[\\d,\\s]*)`;
    return `(?<${name}>\\d+)`;
  }

  // The entry that explains a cause: the error decoder's heading that names the cause in its
  // data-diagnosis attribute (docs/error-decoder.md); the link goes to its id.
  function anchorOf(cause) {
    const heading = document.querySelector(`[data-diagnosis="${cause}"][id]`);
    if (!heading) throw new Error(`the page has no entry for ${cause}`);
    return `#${heading.id}`;
  }

  // ------------------------------------------------------------ patterns, from the page's output

  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  // "h_0_size: RuntimeError: Expected ... ({rows}, ...)" -> [key, RegExp]. The pattern is the
  // message without its exception type, up to the end of the sentence that holds the last
  // placeholder: a pasted message may be cut short or wrapped over lines.
  function patternOf(line) {
    const match = /^(\w+): (?:\w+: )?(.+)$/.exec(line.trim());
    if (!match) return null;
    const [, key, message] = match;
    const placeholders = [...message.matchAll(/\{(\w+)\}/g)];
    const lastEnd = placeholders.length ? placeholders[placeholders.length - 1].index : 0;
    const sentenceEnd = message.indexOf(". ", lastEnd);
    const text = sentenceEnd === -1 ? message : message.slice(0, sentenceEnd + 1);
    const seen = new Set();
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part);
        // A placeholder met again must hold the same text: a backreference.
        if (name && seen.has(name[1])) return `\\k<${name[1]}>`;
        if (name) seen.add(name[1]);
        if (name) return placeholder(name[1]);
        return escapeRegExp(part).replace(/ +/g, "\\s+");
      })
      .join("");
    return [key, new RegExp(source)];
  }

  let cache = { text: null, patterns: null };

  // A snippet's source (its first code block) and the lines it printed (its second).
  const blockOf = (selector, index) =>
    document.querySelectorAll(`${selector} > .highlight code`)[index]?.textContent ?? "";
  const outputOf = (selector) => blockOf(selector, 1);

  // 010's messages as "key: Type: message" lines with placeholders: its lines are wrapped (a
  // continuation starts with four spaces), the names of its Dim("...") become {dim}, and the
  // one number of each message the placeholder EXPORT_KEYS names.
  function exportLines() {
    const dims = [...blockOf(EXPORT, 0).matchAll(/Dim\("(\w+)"\)/g)].map((m) => m[1]);
    return outputOf(EXPORT)
      .replace(/\n {4}/g, " ")
      .split("\n")
      .map((line) => /^(\w+): (.+)$/.exec(line))
      .filter((match) => match && EXPORT_KEYS[match[1]])
      .map(([, type, message]) => {
        const [key, number] = EXPORT_KEYS[type];
        let text = message;
        for (const dim of dims) text = text.replace(new RegExp(`\\b${dim}\\b`, "g"), "{dim}");
        text = text.replace(/\b\d+\b/g, `{${number}}`);
        return `${key}: ${type}: ${text}`;
      })
      .join("\n");
  }

  // [key, RegExp, older] for every line; read again whenever the page's output differs.
  function patterns() {
    const current = outputOf(CURRENT);
    if (!current) return null;
    const older = outputOf(OLDER);
    const exported = exportLines();
    const text = `${current}\n${exported}\n\u0000\n${older}`;
    if (cache.text !== text) {
      const lines = (block, isOlder) =>
        block
          .split("\n")
          .filter((line) => line.trim())
          .map(patternOf)
          .filter(Boolean)
          .map(([key, pattern]) => [key, pattern, isOlder]);
      cache = {
        text,
        patterns: [...lines(`${current}\n${exported}`, false), ...lines(older, true)],
      };
    }
    return cache.patterns;
  }

  // -------------------------------------------------------------------------- explanations

  const tuple = (values) => `(${values.join(", ")})`;
  const rowWord = (n) => (n === 1 ? "row" : "rows");

  // Expected hidden[0] / hidden[1] size: compare the expected and the given dimensions.
  function stateSize(name, g) {
    const expected = [g.rows, g.batch, g.features].map(Number);
    const given = [g.given_rows, g.given_batch, g.given_features].map(Number);
    const [rows, batch, features] = expected;
    const [givenRows, givenBatch, givenFeatures] = given;
    const sentences = [
      `Your ${name} has the shape ${tuple(given)}, and the LSTM expects ${tuple(expected)}, ` +
        "that is (D * num_layers, batch, features).",
    ];
    if (batch === 1 && givenBatch === 1) {
      sentences.push(
        "A batch of 1 in the message may be one you never built: for a 2-D input, one " +
          "unbatched sequence, torch adds a batch dimension of 1 to the input and the states " +
          `before this check, so there your ${name} is 2-D, (D * num_layers, features) = ` +
          `${tuple([givenRows, givenFeatures])}, against ${tuple([rows, features])}.`,
      );
    }
    let cause = null;
    const swapped = givenRows === batch && givenBatch === rows && rows !== batch;
    if (swapped) {
      cause = "batch_first";
      sentences.push(
        `The first two dimensions are swapped: your ${name} was built batch first, ` +
          `(batch, D * num_layers, …) = ${tuple(given)}, but states never follow batch_first: ` +
          `they are (D * num_layers, batch, …) even with batch_first=True. Build ${name} as ` +
          `${tuple(expected)}, or pass ${name}.transpose(0, 1).contiguous().`,
      );
    } else {
      if (givenRows !== rows) {
        cause = "directions";
        if (2 * givenRows === rows) {
          sentences.push(
            `The first dimension is off by a factor of two, the directions: the LSTM is ` +
              `bidirectional, so it wants D * num_layers = 2 * ${givenRows} = ${rows} ${rowWord(rows)}, ` +
              `one per layer and direction, and your ${name} has ${givenRows}, as for one direction. ` +
              `Build ${name} with ${rows} rows.`,
          );
        } else if (givenRows === 2 * rows) {
          sentences.push(
            `The first dimension is off by a factor of two, the directions: your ${name} has ` +
              `${givenRows} rows, as for a bidirectional LSTM (D = 2), and this LSTM wants ` +
              `D * num_layers = ${rows}: it has one direction (bidirectional=False), or half the ` +
              `layers. Build ${name} with ${rows} ${rowWord(rows)}.`,
          );
        } else {
          sentences.push(
            `The first dimension disagrees: the LSTM wants D * num_layers = ${rows} ` +
              `${rowWord(rows)} and your ${name} has ${givenRows}. Check num_layers, and ` +
              `bidirectional (D = 2 doubles the rows). Build ${name} with ${rows} ${rowWord(rows)}.`,
          );
        }
      }
      if (givenBatch !== batch) {
        cause = cause || "batch";
        sentences.push(
          `The second dimension is the batch: your ${name} was built for batch ${givenBatch}, but ` +
            `the input has batch ${batch}` +
            (givenBatch > batch
              ? " (often the last, smaller batch of an epoch, with a state kept from a full batch)"
              : "") +
            `. Size ${name} from the input (x.size(1), or x.size(0) with batch_first=True), ` +
            "or pass no state: it then starts from zeros of the right size.",
        );
      }
    }
    if (givenFeatures !== features) {
      cause = cause || "features";
      if (name === "h_0") {
        sentences.push(
          `The last dimension disagrees: the LSTM wants ${features} features in h_0 and yours has ` +
            `${givenFeatures}. That number is hidden_size, or proj_size when the LSTM has ` +
            `proj_size set: then h_0 takes proj_size features and c_0 keeps hidden_size` +
            (givenFeatures > features
              ? `, so your ${givenFeatures} may be the hidden_size of an LSTM with proj_size=${features}`
              : "") +
            ".",
        );
      } else {
        sentences.push(
          `The last dimension disagrees: c_0 (hidden[1], the cell state) has hidden_size = ` +
            `${features} features, even when proj_size is set, and yours has ${givenFeatures}` +
            (givenFeatures < features ? `: it may have been built with proj_size, like h_0` : "") +
            ".",
        );
      }
    }
    if (!cause) {
      return {
        error:
          `The message says ${name} should be ${tuple(expected)} and is ${tuple(given)}: the same ` +
          "shape, so it was probably changed by hand.",
      };
    }
    return { cause, explanation: sentences.join(" ") };
  }


  // torch's dtype names, from either spelling: "float16" or the C++ "Half".
  const DTYPES = { Half: "float16", BFloat16: "bfloat16", Float: "float32", Double: "float64",
    Long: "int64", Int: "int32", Short: "int16", Char: "int8", Byte: "uint8", Bool: "bool" };
  // The C++ scalar names too, "double" or "c10::Half", as torch's m1/m2 message spells them.
  Object.assign(DTYPES, { double: "float64", float: "float32" });
  const dtypeName = (name) => {
    const bare = name.replace(/^(torch\.|c10::)/, "");
    return DTYPES[bare] || bare;
  };
  const isInteger = (dtype) => /^u?int\d+$|^bool$/.test(dtype);

  // RNN input dtype (X) does not match weight dtype (Y).
  function rnnDtype(g) {
    const [input, weight] = [dtypeName(g.input_dtype), dtypeName(g.weight_dtype)];
    const start = `Your input is ${input} and the LSTM's weights are ${weight}: an RNN takes ` +
      "input in its weights' dtype. ";
    if (isInteger(input)) {
      return {
        cause: "token_ids",
        explanation:
          start +
          "Integer input is most often token ids: an LSTM reads input_size floats per step, so " +
          "put an nn.Embedding in front (its embedding_dim is the LSTM's input_size). If the " +
          `integers are features, convert them: x.to(torch.${weight}).`,
      };
    }
    if (input === "float64") {
      return {
        cause: "numpy",
        explanation:
          start +
          "float64 is NumPy's default, and torch.from_numpy keeps it: convert the data, " +
          `x.to(torch.${weight}) (x.float() for float32).`,
      };
    }
    return {
      cause: "half",
      explanation:
        start +
        `Convert the input to the weights' dtype, x.to(torch.${weight}), or the model to the ` +
        `input's, lstm.to(torch.${input}), with h_0 and c_0 (if you pass them) in the same dtype.`,
    };
  }

  // Older torch's "expected scalar type X but found Y": from the LSTM call X was the input's
  // dtype and Y the weights'; from nll_loss or CrossEntropyLoss, X was Long and Y the target's.
  function scalarType(g) {
    const lstm = rnnDtype({ input_dtype: g.expected_dtype, weight_dtype: g.found_dtype });
    const loss =
      dtypeName(g.expected_dtype) === "int64"
        ? "From a loss (NLLLoss or CrossEntropyLoss), it says your target is " +
          `${dtypeName(g.found_dtype)}, where class indices must be int64: target.long(). `
        : "";
    return {
      cause: lstm.cause,
      explanation:
        "Older torch printed this for more than the LSTM, and the message does not say which " +
        `call raised it. ${loss}If it came from the LSTM call: ${lstm.explanation}`,
    };
  }

  // A state in another dtype than the weights: float64's entry, or the 16-bit types'.
  const stateDtypeCause = (state) => (state === "float64" ? "state_dtype" : "state_dtype_16");

  // With proj_size set, a c_0 in another dtype than the weights' makes each step's result
  // (first) another dtype than the projection weight_hr (second).
  function projectedState(first, second) {
    const [state, other] = [dtypeName(first), dtypeName(second)];
    return {
      cause: stateDtypeCause(state),
      explanation:
        `A matrix product met a ${state} tensor and a ${other} one. In an LSTM with proj_size ` +
        `set, that is the cell state c_0 in another dtype than the weights' (${other}): each ` +
        `step's result became ${state}, and the projection's ${other} weights refuse it. Build ` +
        "c_0 (and h_0) in the input's dtype, torch.zeros(…, dtype=x.dtype, device=x.device).",
    };
  }

  function stateDtype(first, second) {
    const [state, other] = [dtypeName(first), dtypeName(second)];
    return {
      cause: stateDtypeCause(state),
      explanation:
        `A matrix product met a ${state} tensor and a ${other} one. In an LSTM run without ` +
        "oneDNN (with proj_size set, on packed input whose lengths differ, with oneDNN " +
        "switched off, or for a GRU or an RNN), the " +
        `first is the state, h_0 (or c_0), and the second the weights: build the state in the ` +
        `input's dtype, torch.zeros(…, dtype=x.dtype, device=x.device). After an LSTM, the ` +
        `same message comes from a Linear layer given ${state} input with ${other} weights: ` +
        `x.to(torch.${other}).`,
    };
  }

  const shapeOf = (text) => text.split(",").map((n) => n.trim()).filter(Boolean).map(Number);

  // The shape two shapes broadcast to, or null when they cannot.
  function broadcastShape(a, b) {
    const length = Math.max(a.length, b.length);
    const result = [];
    for (let i = 0; i < length; i += 1) {
      const x = a[a.length - length + i] ?? 1;
      const y = b[b.length - length + i] ?? 1;
      if (x !== y && x !== 1 && y !== 1) return null;
      result.push(Math.max(x, y));
    }
    return result;
  }

  const TRANSFORMER_UNPACKED =
    "If it unpacks an nn.TransformerEncoder: it returns one tensor and no state, so the line " +
    "splits that tensor along its first dimension (batch with batch_first=True, else seq_len). " +
    "Fix: output = encoder(x).";

  const PACKED_FIX =
    "pack_padded_sequence reads its input as (seq_len, batch, …) unless it is given " +
    "batch_first=True, whatever the LSTM's own batch_first, so it reads the batch of a " +
    "batch-first tensor as the steps. Fix: " +
    "pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False).";

  // A padded batch packed without batch_first=True: what each of the three messages says.
  // Expected input_lengths to have value at most T, but got value L.
  function ctcInputLengths(g) {
    const [steps, given] = [Number(g.steps), Number(g.given)];
    const times = given % steps === 0 ? ` ${given} is ${given / steps} times ${steps}, as a ` +
      `total stride of ${given / steps} would make it.` : "";
    return {
      cause: "ctc",
      explanation:
        `Your log_probs has T = ${steps} steps (its first dimension: CTCLoss reads it time ` +
        `first), and an input_lengths entry is ${given}. input_lengths counts each sequence's ` +
        "steps in log_probs: count them after the CNN, whose stride or pooling shortens the " +
        `sequence, as the LSTM's output has them.${times} Or the lengths were read from ` +
        "another dimension than the steps: log_probs.size(1) of a time-first tensor is the " +
        "batch.",
    };
  }

  function packedRows(g) {
    const [start, length, rows] = [g.start, g.length, g.rows].map(Number);
    let explanation =
      `A narrow (or split) asked for ${length} ${rowWord(length)} from row ${start} of a ` +
      `dimension that has ${rows}. In an LSTM, GRU or RNN given a PackedSequence, that ` +
      "dimension is the packed data's rows, and its batch_sizes ask for more rows than it " +
      "holds. ";
    if (start === rows) {
      explanation +=
        `The data runs out after its ${rows} ${rowWord(rows)} with ${length} more asked for ` +
        "at the next " +
        `step: if the cause is the packing mistake below, ${length} of your sequences ` +
        `${length === 1 ? "is" : "are"} longer than your batch. `;
    }
    return { cause: "packed_batch_first", explanation: explanation + PACKED_FIX };
  }

  function packedIndex(g) {
    return {
      cause: "packed_batch_first",
      explanation:
        `index_select was asked for index ${g.index} of a dimension of size ${g.steps}. ` +
        "pack_padded_sequence with enforce_sorted=False sorts the batch with it, along the " +
        "dimension it takes for the batch: dimension 1 without batch_first=True, the steps of " +
        `a batch-first tensor. If that is the cause, your batch has more sequences (over ` +
        `${g.index}) than the padded tensor has steps (${g.steps}). ${PACKED_FIX}`,
    };
  }

  function packedView(g) {
    const [steps, batch, features, size] = [g.steps, g.batch, g.features, g.size].map(Number);
    if (size !== batch * batch * features || steps <= batch) {
      return {
        error:
          `A view or reshape to (${steps}, ${batch}, ${features}) from a tensor of ${size} ` +
          "numbers: this diagnoser knows it only from a packing mistake, which gives other " +
          "numbers. Print the shape of the tensor before the failing line.",
      };
    }
    return {
      cause: "packed_batch_first",
      explanation:
        "oneDNN, which runs nn.LSTM on the CPU, reshapes packed data to (longest length, " +
        `batch, input_size) = (${steps}, ${batch}, ${features}), and the data holds ${size} = ` +
        `${batch} * ${batch} * ${features} numbers: ${batch} steps of ${batch} sequences. ` +
        "That is a batch-first tensor packed without batch_first=True when every sequence has " +
        `one length, above the batch size (${batch}). ${PACKED_FIX}`,
    };
  }

  // A keyword nn.LSTM (RNNBase, shared with nn.GRU and nn.RNN) does not take.
  function lstmKeyword(g) {
    const keras = {
      units: "hidden_size",
      return_sequences: "nothing: output always holds every step, and h_n the final states",
      return_state: "nothing: the final state is always returned, (h_n, c_n) by nn.LSTM",
      activation:
        "nonlinearity, on nn.RNN only ('tanh' or 'relu'); nn.LSTM and nn.GRU have no such option",
      recurrent_dropout:
        "nothing: their dropout acts between stacked layers only; weight dropout on weight_hh " +
        "(Customising the layer) is one stand-in",
    };
    let explanation =
      `nn.LSTM, nn.GRU and nn.RNN take no ${g.keyword} argument. `;
    if (/norm|peephole/.test(g.keyword)) {
      explanation +=
        "nn.LSTM has no layer normalisation and no peepholes: write the step yourself, " +
        "called once per step as nn.LSTMCell would be, with the extras in it; without them " +
        "such a loop gives nn.LSTM's results.";
    } else if (keras[g.keyword]) {
      explanation += `It is a Keras argument; in torch it is ${keras[g.keyword]}.`;
    } else {
      explanation +=
        "Their arguments are input_size, hidden_size, num_layers, bias, batch_first, dropout, " +
        "bidirectional, proj_size (nn.LSTM only), nonlinearity (nn.RNN only), device and dtype.";
    }
    return { cause: "lstm_keyword", explanation };
  }

  function parameterTensor(g) {
    const recurrent = /^weight_hh_l\d+(_reverse)?$/.test(g.parameter);
    return {
      cause: "parameter_tensor",
      explanation:
        `Your code assigns a plain tensor (${g.tensor_type}) to ${g.parameter}, a parameter of ` +
        "the module, and a parameter can only be replaced by an nn.Parameter or None. " +
        (recurrent
          ? `${g.parameter} is an RNN's recurrent weight: this looks like old weight-dropout ` +
            "(DropConnect) code. "
          : "") +
        "Wrapping the new tensor in nn.Parameter runs but cuts the raw weight off from the " +
        "gradient; register a parametrization instead (torch.nn.utils.parametrize), which " +
        "computes the weight from the raw one at every call, inside the graph.",
    };
  }

  const MASK_LAYOUT =
    "nn.TransformerEncoder's src_key_padding_mask is (batch, seq_len), True at the padding, " +
    "with batch_first=True or not; a mask built (seq_len, batch) needs mask.T.";

  function binaryTarget(g) {
    const [target, input] = [shapeOf(g.target_shape), shapeOf(g.input_shape)];
    const last = input.length - 1;
    const fix =
      input[last] === 1 && target.join() === input.slice(0, last).join()
        ? `Drop the prediction's last dimension, prediction.squeeze(-1), or give the target ` +
          "one, target.unsqueeze(-1)."
        : "Give the prediction and the target the same shape.";
    return {
      cause: "bce_target",
      explanation:
        `Your prediction is (${input.join(", ")}) and your target (${target.join(", ")}): ` +
        "nn.BCEWithLogitsLoss and nn.BCELoss take the target in the prediction's shape and " +
        `do not broadcast it. ${fix}`,
    };
  }

  const EXPLAIN = {
    h_0_size: (g) => stateSize("h_0", g),
    c_0_size: (g) => stateSize("c_0", g),
    input_size: (g) => ({
      cause: "input_size",
      explanation:
        `The last dimension of your input has ${g.features} features, but the LSTM was built with ` +
        `input_size=${g.input_size}. If ${g.input_size} is another dimension of your input, the ` +
        "features are not last: a Conv1d returns (batch, channels, length), which becomes " +
        "x.transpose(1, 2) with batch_first=True and x.permute(2, 0, 1) without; " +
        `otherwise build nn.LSTM(input_size=${g.features}, …).`,
    }),
    state_3d: (g) => ({
      cause: "state_3d",
      explanation:
        `Your input is 3-D (a batch), so h_0 and c_0 must be 3-D too, (D * num_layers, batch, ` +
        `hidden_size), whatever batch_first says; yours are ${g.h_dims}-D and ${g.c_dims}-D.` +
        (g.h_dims === "2" && g.c_dims === "2"
          ? " A 2-D state (batch, hidden_size) is an LSTMCell's: unsqueeze(0) both for one layer." +
            " Or you passed h_0 alone instead of the pair (h_0, c_0) to an LSTM whose h_0 has 2 " +
            "rows or more (num_layers > 1, or bidirectional): its rows 0 and 1 became h_0 and c_0."
          : ""),
    }),
    state_2d: (g) => ({
      cause: "state_2d",
      explanation:
        `Your input is 2-D, one sequence without a batch dimension (unbatched), so h_0 and c_0 ` +
        `must be 2-D, (D * num_layers, hidden_size); yours are ${g.h_dims}-D and ${g.c_dims}-D. ` +
        "Give the input a batch dimension, x.unsqueeze(1) (x.unsqueeze(0) with batch_first=True), " +
        "or take it out of the states, h_0.squeeze(1) and c_0.squeeze(1).",
    }),
    lengths_tensor: (g) => {
      const problems = [];
      if (g.dims !== "1") {
        problems.push(
          `Your lengths tensor is ${g.dims}-D, and pack_padded_sequence wants one number per ` +
            "sequence, a 1-D tensor (or a list): a sum with keepdim=True keeps a second " +
            "dimension; use lengths.flatten() or mask.sum(dim=1).",
        );
      }
      if (g.device.toLowerCase() !== "cpu") {
        problems.push(
          `Your lengths are on the ${g.device} device, and they must be on the CPU even when the ` +
            "data is on a GPU: pass lengths.cpu().",
        );
      }
      if (!problems.length) problems.push(`Your lengths are ${g.dims}-D on ${g.device}.`);
      return { cause: "lengths", explanation: problems.join(" ") };
    },
    unsorted_lengths: () => ({
      cause: "unsorted",
      explanation:
        "Your lengths are not sorted longest first, and pack_padded_sequence (or pack_sequence) " +
        "was called with enforce_sorted=True, the default. Pass enforce_sorted=False: the LSTM " +
        "then returns h_n in your order. (Or sort the batch by length, longest first.)",
    }),
    zero_length: () => ({
      cause: "zero_length",
      explanation:
        "One of your lengths is 0 (or negative): a sequence with no steps cannot be packed. " +
        "Leave the empty sequences out of the batch before packing, e.g. keep = lengths > 0, " +
        "then x[keep] and lengths[keep] (x[:, keep] when the batch is dimension 1).",
    }),
    gru_one_row: (g) => ({
      cause: "gru",
      explanation:
        "If this line unpacks a GRU (or an RNN) like an LSTM, output, (h_n, c_n) = gru(x): a GRU " +
        "returns output, h_n, with no cell state, and (h_n, c_n) unpacks h_n along its first " +
        `dimension, D * num_layers, which has ${g.rows} ${rowWord(Number(g.rows))}, not 2. ` +
        `Fix: output, h_n = gru(x). ${TRANSFORMER_UNPACKED}`,
    }),
    gru_many_rows: () => ({
      cause: "gru",
      explanation:
        "If this line unpacks a GRU (or an RNN) like an LSTM, output, (h_n, c_n) = gru(x): a GRU " +
        "returns output, h_n, with no cell state, and (h_n, c_n) unpacks h_n along its first " +
        "dimension, D * num_layers, which has more than 2 rows here. Fix: output, h_n = gru(x). " +
        TRANSFORMER_UNPACKED,
    }),
    linear_features: (g) => {
      const [features, inFeatures] = [Number(g.features), Number(g.in_features)];
      let explanation =
        `The second matrix, ${g.in_features}x${g.out_features}, is a Linear layer's weight: it ` +
        `takes in_features=${g.in_features}, and your tensor has ${g.features} features ` +
        `(${g.rows} rows). `;
      if (features === 2 * inFeatures) {
        explanation +=
          `${g.features} = 2 * ${g.in_features}: after a bidirectional LSTM both directions sit ` +
          `side by side, D * hidden_size features (D = 2). Fix: nn.Linear(${g.features}, ` +
          `${g.out_features}), that is nn.Linear(2 * hidden_size, …).`;
      } else if (inFeatures === 2 * features) {
        explanation +=
          `${g.in_features} = 2 * ${g.features}: the layer is sized for both directions of a ` +
          `bidirectional LSTM (D = 2) and gets one direction's ${g.features} features: pass both ` +
          `directions, or nn.Linear(${g.features}, ${g.out_features}).`;
      } else {
        explanation +=
          "After an LSTM, output has D * hidden_size features (D = 2 if bidirectional; proj_size " +
          `replaces hidden_size when set): build the layer with in_features=${g.features}.`;
      }
      return { cause: "linear", explanation };
    },
    rnn_dtype: rnnDtype,
    state_dtype_onednn: () => ({
      cause: "state_dtype_16",
      explanation:
        "oneDNN, the CPU backend that runs nn.LSTM, could not set up this LSTM for the tensors " +
        "it was given. Two mistakes raise it on this page. h_0 or c_0 in float16 or bfloat16 " +
        "with float32 input: compare h_0.dtype and c_0.dtype with x.dtype, and build the state " +
        "as torch.zeros(…, dtype=x.dtype, device=x.device). Or the LSTM runs under " +
        'torch.autocast("cpu", dtype=torch.float16), and oneDNN could not set up a float16 LSTM ' +
        "on the CPU that raised this (it depends on the CPU's instructions): autocast with " +
        "dtype=torch.bfloat16, or " +
        "run the LSTM outside the float16 region.",
    }),
    state_dtype_mkldnn: () => ({
      cause: "state_dtype",
      explanation:
        "oneDNN, the CPU backend that runs nn.LSTM, was handed a dtype it does not take: with " +
        "float32 input, that is h_0 or c_0 in float64 (NumPy zeros, for example). Build the " +
        "state in the input's dtype, torch.zeros(…, dtype=x.dtype, device=x.device).",
    }),
    state_dtype_mat1: (g) => stateDtype(g.first_dtype, g.second_dtype),
    state_dtype_m1: (g) => projectedState(g.first_dtype, g.second_dtype),
    scalar_type: scalarType,
    device_parameter: (g) => ({
      cause: "device",
      explanation:
        `Your input is on ${g.input_device} and the LSTM's weights are on ${g.other_device}. ` +
        "Put the model and every batch on one device: model.to(device) moves the module in " +
        "place, while a tensor's .to returns a new tensor, so write x = x.to(device).",
    }),
    device_hidden: (g) => ({
      cause: "device",
      explanation:
        `Your input is on ${g.input_device} and h_0 or c_0 is on ${g.other_device}: ` +
        "torch.zeros(…) makes its tensor on the CPU unless it is told otherwise. Build the " +
        "state with device=x.device (and dtype=x.dtype), or pass no state: the LSTM then " +
        "starts from zeros on the input's device.",
    }),
    tuple_attribute: (g) =>
      g.attribute === "dim"
        ? {
            cause: "gru_state",
            explanation:
              "Something called .dim() on a tuple, and the message does not say which of two " +
              "mistakes did. A GRU (or an RNN) given an LSTM's state pair: it has no cell " +
              "state, so pass one tensor, gru(x, h_0). Or an LSTM (or a GRU) given another " +
              "LSTM's whole return value, (output, (h_n, c_n)), as its input, as two LSTMs in " +
              "nn.Sequential or lstm_2(lstm_1(x)) do: unpack the output first, " +
              "output, _ = lstm_1(x), then lstm_2(output).",
          }
        : {
            cause: "tuple",
            explanation:
              `Your code asks a tuple for .${g.attribute}. nn.LSTM returns a tuple, ` +
              "(output, (h_n, c_n)), and output, h_n = lstm(x) makes h_n the pair " +
              "(h_n, c_n). Unpack both levels, output, (h_n, c_n) = lstm(x), and use the " +
              "tensor you need. (Indexing the pair raises nothing: h_n[-1] would then be c_n.)",
          },
    target_size: (g) => {
      const [expected, given] = [shapeOf(g.expected_shape), shapeOf(g.given_shape)];
      let explanation =
        "CrossEntropyLoss reads dimension 1 of the logits as the classes, so the target must " +
        `have the logits' shape without it: (${expected.join(", ")}); yours is ` +
        `(${given.join(", ")}).`;
      if (given.length === expected.length + 1 && given[given.length - 1] === 1) {
        explanation += " Your target has an extra last dimension of 1: target.squeeze(-1).";
      } else if (expected.length === 2 && given.length === 2 && expected[0] === given[0]) {
        const [batch, classes] = expected;
        const steps = given[1];
        explanation +=
          ` Your logits are probably (batch, seq_len, num_classes) = (${batch}, ${steps}, ` +
          `${classes}), the classes last: pass logits.transpose(1, 2), which is ` +
          `(${batch}, ${classes}, ${steps}), or one row per step, logits.reshape(-1, ` +
          `${classes}) with target.reshape(-1).`;
      }
      return { cause: "tagging_loss", explanation };
    },
    target_broadcast: (g) => {
      const [target, input] = [shapeOf(g.target_shape), shapeOf(g.input_shape)];
      const both = broadcastShape(input, target);
      const count = (shape) => shape.reduce((a, b) => a * b, 1);
      let explanation =
        `Your prediction is (${input.join(", ")}) and your target (${target.join(", ")}): ` +
        "the loss broadcasts them against each other before it averages. ";
      explanation += both
        ? `It averages ${count(both)} differences, shape (${both.join(", ")}), instead of ` +
          `${count(input)}, and raises nothing. `
        : "These shapes do not broadcast, so an error follows. ";
      const last = input.length - 1;
      explanation +=
        input[last] === 1 && target.join() === input.slice(0, last).join()
          ? "Drop the prediction's last dimension, prediction.squeeze(-1), or give the target " +
            "one, target.unsqueeze(-1)."
          : "Give the prediction and the target the same shape.";
      return { cause: "target_broadcast", explanation };
    },
    bmm_sizes: (g) => {
      const [batch, features] = [Number(g.batch), Number(g.features)];
      const [givenBatch, givenFeatures] = [Number(g.given_batch), Number(g.given_features)];
      const sentences = [
        `torch.bmm (or matmul) multiplies (${batch}, n, ${features}) by (b, k, m), and wants ` +
          `b = ${batch} and k = ${features}; your second tensor starts with ` +
          `(${givenBatch}, ${givenFeatures}).`,
      ];
      if (givenBatch !== batch) {
        sentences.push(
          `The batches differ, ${batch} against ${givenBatch}: one tensor may be laid out ` +
            "(seq_len, batch, …), as an LSTM's output is without batch_first=True; bring the " +
            "batch first in both, output.transpose(0, 1).",
        );
      }
      if (givenFeatures !== features) {
        sentences.push(
          features === 2 * givenFeatures
            ? `${features} = 2 * ${givenFeatures}: the first tensor has both directions of a ` +
                "bidirectional LSTM and the second one direction's features; take both, " +
                "torch.cat([h_n[-2], h_n[-1]], dim=1)."
            : `The first tensor's last dimension, ${features}, must equal the second's middle ` +
                `one, ${givenFeatures}: a query for output must have output's features, ` +
                "D * H_out, as (batch, D * H_out, 1).",
        );
      }
      return { cause: "attention_bmm", explanation: sentences.join(" ") };
    },
    bmm_3d: (g) => ({
      cause: "attention_bmm",
      explanation:
        `torch.bmm takes two 3-D tensors, (batch, n, k) and (batch, k, m), and its argument ` +
        `batch${g.which} is not 3-D. A query such as h_n[-1] is (batch, features): ` +
        "unsqueeze(2) makes it (batch, features, 1) for the second place, unsqueeze(1) " +
        "(batch, 1, features) for the first.",
    }),
    broadcast: (g) => ({
      cause: "attention_mask",
      explanation:
        "Two tensors combined element by element (+, *, masked_fill, torch.where, a loss) " +
        `disagree at dimension ${g.dim}: ${g.a_size} against ${g.b_size}, and neither is 1. ` +
        "In attention, the mask must have the scores' shape, (batch, seq_len): a mask built " +
        "from a tensor laid out (seq_len, batch) needs a transpose, and one from another " +
        "batch or padding length does not fit at all. With a PackedSequence, a carried state " +
        "with another number of rows than the batch gives this message too.",
    }),
    ctc_lengths: () => ({
      cause: "ctc",
      explanation:
        "CTCLoss reads log_probs as (T, N, C), time first, and input_lengths must have one " +
        "entry per sequence, N. Batch-first log_probs, (N, T, C), make it read T as the " +
        "batch: pass log_probs.transpose(0, 1). (When T equals N, nothing is raised and the " +
        "loss is wrong.) Otherwise, input_lengths has the wrong number of entries.",
    }),
    ctc_input_lengths: ctcInputLengths,
    export_specialized: (g) => ({
      cause: "export",
      explanation:
        `torch.export fixed ${g.dim}, which you marked dynamic, at your example's length, ` +
        `${g.length}. If forward runs an nn.LSTM over that dimension: to trace it, the export ` +
        "runs a decomposition that loops over the steps in Python. Export inside " +
        "register_lstm_while_loop_decomposition() (from torch.export._patches), as " +
        "torch.onnx.export does, and first clear torch.ops.aten.lstm.input._dispatch_cache if " +
        "this process already exported or compiled an LSTM. Otherwise something else in " +
        'forward turns the length into a constant: TORCH_LOGS="+dynamic" shows where.',
    }),
    export_packing: (g) => ({
      cause: "export",
      explanation:
        `During the export, size number ${g.position} (counting from 1) given to torch.zeros ` +
        "was a tensor, not an int. With pack_padded_sequence inside forward, nn.LSTM (GRU, " +
        "RNN) builds its zero state with the packed batch's batch_sizes[0], a tensor whose " +
        "value depends on the lengths. Do not pack inside an exported forward: run the LSTM on " +
        "the padded batch and gather each sequence's output at step lengths - 1.",
    }),
    packed_rows: packedRows,
    packed_index: packedIndex,
    packed_view: packedView,
    lstm_keyword: lstmKeyword,
    parameter_tensor: parameterTensor,
    mask_shape: (g) => ({
      cause: "transformer_mask",
      explanation:
        `Your padding mask has ${g.given} along dimension ${g.dim} where the encoder expects ` +
        `${g.expected}, its ${g.dim === "0" ? "batch" : "seq_len"}. ${MASK_LAYOUT}`,
    }),
    mask_nested: () => ({
      cause: "transformer_mask",
      explanation:
        "In eval mode, with batch_first=True and enable_nested_tensor=True (the default), " +
        "nn.TransformerEncoder checks the padding mask against the input before its " +
        `nested-tensor fast path, and the mask's shape is not the input's (batch, seq_len). ` +
        MASK_LAYOUT,
    }),
    mask_fused: () => ({
      cause: "transformer_mask",
      explanation:
        "mask_type 1 is a padding mask, B the batch and L seq_len: in eval mode without " +
        `autograd the encoder's fused path wants the mask (batch, seq_len). ${MASK_LAYOUT}`,
    }),
    bce_target: binaryTarget,
    bce_deprecated: binaryTarget,
    backward_twice: () => ({
      cause: "backward",
      explanation:
        "A backward() ran into the graph of an earlier backward(), which freed it: most often the " +
        "state (h, c) carried from one batch or chunk to the next still belongs to the previous " +
        "graph. detach() the carried state, lstm(x, (h.detach(), c.detach())), rather than " +
        "retain_graph=True.",
    }),
  };

  function lstmDiagnose(message) {
    try {
      if (typeof message !== "string") return { error: "The message must be text." };
      if (!message.trim()) return { error: "Paste an error message from torch: the box is empty." };
      const found = patterns();
      if (!found || !found.length) return { error: NO_PATTERNS };
      for (const [key, pattern, older] of found) {
        const match = pattern.exec(message);
        if (!match || !EXPLAIN[key]) continue;
        const { cause, explanation, error } = EXPLAIN[key](match.groups || {});
        if (error) return { error };
        const wording = older
          ? "This is how an older torch worded it (see the older messages at the end of the " +
            "page). "
          : "";
        return { anchor: anchorOf(cause), explanation: wording + explanation };
      }
      return {
        error:
          "This diagnoser does not recognise that message: it reads the nn.LSTM messages listed " +
          "at the end of this page. Look for the start of your message in the list below the box.",
      };
    } catch (error) {
      return { error: `The diagnoser failed on this message (${error}).` };
    }
  }

  window.lstmDiagnose = lstmDiagnose;

  // ------------------------------------------------------------------------------- the box

  const PARAM = "error";

  function init() {
    const root = document.getElementById("lstm-diagnoser");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    const box = document.getElementById("diagnoser-message");
    const result = document.getElementById("diagnoser-result");
    const form = root.querySelector("form");

    function show(message) {
      const diagnosis = lstmDiagnose(message);
      result.textContent = "";
      result.classList.toggle("diagnoser-result--error", Boolean(diagnosis.error));
      const text = document.createElement("p");
      text.textContent = diagnosis.error || diagnosis.explanation;
      result.append(text);
      if (diagnosis.anchor) {
        const heading = document.getElementById(diagnosis.anchor.slice(1));
        const link = document.createElement("a");
        link.href = diagnosis.anchor;
        link.textContent = `Read the entry: ${heading ? heading.textContent.replace(/¶$/, "").trim() : diagnosis.anchor}`;
        const more = document.createElement("p");
        more.append(link);
        result.append(more);
      }
    }

    function updateUrl(message) {
      const query = new URLSearchParams(window.location.search);
      if (message.trim()) query.set(PARAM, message.trim());
      else query.delete(PARAM);
      const search = query.toString();
      try {
        window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
      } catch (error) {
        // A page opened from file:// cannot rewrite its URL; the diagnosis works without it.
      }
    }

    function diagnose() {
      if (!box.value.trim()) {
        result.textContent = "";
        result.classList.remove("diagnoser-result--error");
        updateUrl("");
        return;
      }
      show(box.value);
      updateUrl(box.value);
    }

    let timer = null;
    box.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(diagnose, 250);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      if (!box.value.trim()) show("");
      else diagnose();
    });
    const shared = new URLSearchParams(window.location.search).get(PARAM);
    if (shared) {
      box.value = shared;
      diagnose();
    }
  }

  window.lstmOnEveryPage(init); // page-start.js
})();
