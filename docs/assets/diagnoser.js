// The error diagnoser (the "Paste your error" box on docs/error-decoder.md): reads a torch error
// message and says, with the message's own numbers, what disagrees and which entry explains it.
// Loaded on every page; it does nothing until a page has the box.
//
// Its patterns are not typed here: snippets/error-decoder/030_diagnoser_messages.py makes torch
// raise each error at build, with sentinel sizes, and prints every message with {name}
// placeholders where the sizes were. This script reads that printed output from the page and
// turns each line into a regular expression. tests/browser/test_diagnoser.py pastes real torch
// messages from many random configurations.
//
// Stable contract: window.lstmDiagnose(message) -> {anchor: "#id", explanation} or {error};
// it never throws.
(function () {
  "use strict";

  const TEMPLATES = 'div[data-snippet="snippets/error-decoder/030_diagnoser_messages.py"]';
  const WORDS = new Set(["device"]); // placeholders that hold a word, not a number
  const NO_PATTERNS =
    "The diagnoser's patterns are missing: it works on the error decoder page, which shows " +
    "the messages torch printed at build.";

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
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part);
        if (name) return WORDS.has(name[1]) ? `(?<${name[1]}>[\\w:]+)` : `(?<${name[1]}>\\d+)`;
        return escapeRegExp(part).replace(/ +/g, "\\s+");
      })
      .join("");
    return [key, new RegExp(source)];
  }

  let cache = { text: null, patterns: null };

  // Read again whenever the page's output differs (instant navigation swaps the page).
  function patterns() {
    const output = document.querySelectorAll(`${TEMPLATES} > .highlight code`)[1];
    if (!output) return null;
    if (cache.text !== output.textContent) {
      const lines = output.textContent.split("\n").filter((line) => line.trim());
      cache = { text: output.textContent, patterns: lines.map(patternOf).filter(Boolean) };
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
        "Fix: output, h_n = gru(x).",
    }),
    gru_many_rows: () => ({
      cause: "gru",
      explanation:
        "If this line unpacks a GRU (or an RNN) like an LSTM, output, (h_n, c_n) = gru(x): a GRU " +
        "returns output, h_n, with no cell state, and (h_n, c_n) unpacks h_n along its first " +
        "dimension, D * num_layers, which has more than 2 rows here. Fix: output, h_n = gru(x).",
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
      for (const [key, pattern] of found) {
        const match = pattern.exec(message);
        if (!match || !EXPLAIN[key]) continue;
        const { cause, explanation, error } = EXPLAIN[key](match.groups || {});
        return error ? { error } : { anchor: anchorOf(cause), explanation };
      }
      return {
        error:
          "This diagnoser does not recognise that message: it reads the nn.LSTM messages listed " +
          "at the end of this page. Look for the start of your message in the table below.",
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
