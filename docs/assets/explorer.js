// The shape explorer (docs/explorer.md): nn.LSTM's shapes, parameters, unrolled grid and a
// script, computed in the browser. Loaded on every page; it does nothing unless the page has
// the explorer's root element. tests/browser/test_explorer.py compares it with torch.
//
// Stable contract, used by the tests:
//   window.lstmShapes(config)       -> {input, h_0, c_0, output, h_n, c_n} or {error}
//   window.lstmWeightShapes(config) -> {name: shape} in named_parameters() order, or {error}
//   window.lstmClaims(config)       -> [{id, holds}] for every claim (see "the claims" below)
// config: {input_size, hidden_size, num_layers, bidirectional, batch_first, proj_size,
//          batch (null for unbatched input), seq_len}
// The unrolled grid is drawn by docs/assets/diagrams.js (window.lstmUnrolledSvg), the renderer
// the build draws the pages' diagrams with.
(function () {
  "use strict";

  const MAX_SIZE = 100000;
  const MAX_LAYERS = 100;
  const SIZE_CAP = "this page accepts sizes up to 100000 and num_layers up to 100";

  // ---------------------------------------------------------------- shapes (pure functions)

  function wholeNumberProblem(name, value, low, high) {
    if (value === undefined || value === null || value === "") {
      return `${name} is missing: enter a whole number.`;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return `${name} must be a whole number, not ${JSON.stringify(value)}.`;
    }
    if (!Number.isInteger(value)) return `${name} must be a whole number, not ${value}.`;
    if (value < low) return `${name} must be at least ${low}, not ${value}.`;
    if (value > high) return `${name} must be at most ${high}, not ${value} (${SIZE_CAP}).`;
    return null;
  }

  // Every problem with a configuration, as [{field, message}], in the order of the form.
  function problems(config) {
    const found = [];
    const add = (field, message) => message && found.push({ field, message });
    if (config === null || typeof config !== "object") {
      return [{ field: null, message: "The configuration must be an object." }];
    }
    add("input_size", wholeNumberProblem("input_size", config.input_size, 1, MAX_SIZE));
    add("hidden_size", wholeNumberProblem("hidden_size", config.hidden_size, 1, MAX_SIZE));
    add("num_layers", wholeNumberProblem("num_layers", config.num_layers, 1, MAX_LAYERS));
    const proj = config.proj_size === undefined ? 0 : config.proj_size;
    if (typeof proj === "number" && Number.isInteger(proj) && proj < 0) {
      add(
        "proj_size",
        `proj_size must be 0 (no projection) or a positive whole number, not ${proj}: ` +
          "torch says “proj_size should be a positive integer or zero to disable projections”.",
      );
    } else {
      const problem = wholeNumberProblem("proj_size", proj, 0, MAX_SIZE);
      if (problem) add("proj_size", problem);
      else if (Number.isInteger(config.hidden_size) && config.hidden_size >= 1 && proj >= config.hidden_size) {
        add(
          "proj_size",
          `proj_size must be smaller than hidden_size (${proj} is not smaller than ` +
            `${config.hidden_size}): torch says “proj_size has to be smaller than hidden_size”.`,
        );
      }
    }
    for (const flag of ["bidirectional", "batch_first"]) {
      const value = config[flag] === undefined ? false : config[flag];
      if (typeof value !== "boolean") add(flag, `${flag} must be true or false.`);
    }
    if (config.batch !== null) {
      add(
        "batch",
        config.batch === undefined
          ? "batch is missing: give a whole number, or null for an unbatched input."
          : wholeNumberProblem("batch", config.batch, 1, MAX_SIZE),
      );
    }
    add("seq_len", wholeNumberProblem("seq_len", config.seq_len, 1, MAX_SIZE));
    return found;
  }

  function lstmShapes(config) {
    const found = problems(config);
    if (found.length) return { error: found[0].message };
    const D = config.bidirectional ? 2 : 1;
    const proj = config.proj_size || 0;
    const H_out = proj > 0 ? proj : config.hidden_size;
    const L = config.seq_len;
    const N = config.batch;
    const rows = D * config.num_layers;
    if (N === null) {
      // unbatched: no batch dimension anywhere, and batch_first has nothing to swap
      return {
        input: [L, config.input_size],
        h_0: [rows, H_out],
        c_0: [rows, config.hidden_size],
        output: [L, D * H_out],
        h_n: [rows, H_out],
        c_n: [rows, config.hidden_size],
      };
    }
    const sequence = (last) => (config.batch_first ? [N, L, last] : [L, N, last]);
    return {
      input: sequence(config.input_size),
      h_0: [rows, N, H_out],
      c_0: [rows, N, config.hidden_size],
      output: sequence(D * H_out),
      h_n: [rows, N, H_out],
      c_n: [rows, N, config.hidden_size],
    };
  }

  function lstmWeightShapes(config) {
    // The batch and seq_len do not matter to the weights, but must not be the reason for an error
    const found = problems({ ...config, batch: null, seq_len: 1 });
    if (found.length) return { error: found[0].message };
    const D = config.bidirectional ? 2 : 1;
    const H = config.hidden_size;
    const proj = config.proj_size || 0;
    const H_out = proj > 0 ? proj : H;
    const shapes = {};
    for (let layer = 0; layer < config.num_layers; layer++) {
      for (let direction = 0; direction < D; direction++) {
        const suffix = `_l${layer}` + (direction ? "_reverse" : "");
        shapes[`weight_ih${suffix}`] = [4 * H, layer === 0 ? config.input_size : D * H_out];
        shapes[`weight_hh${suffix}`] = [4 * H, H_out];
        shapes[`bias_ih${suffix}`] = [4 * H];
        shapes[`bias_hh${suffix}`] = [4 * H];
        if (proj > 0) shapes[`weight_hr${suffix}`] = [proj, H];
      }
    }
    return shapes;
  }

  window.lstmShapes = lstmShapes;
  window.lstmWeightShapes = lstmWeightShapes;

  const escapeXml = (text) =>
    String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  // ------------------------------------------------------------------------- the script

  function pythonScript(config) {
    const D = config.bidirectional ? 2 : 1;
    const proj = config.proj_size;
    const unbatched = config.batch === null;
    const lines = ["import torch", "from torch import nn", "", "torch.manual_seed(0)", ""];
    lines.push(`input_size, hidden_size, num_layers = ${config.input_size}, ${config.hidden_size}, ${config.num_layers}`);
    lines.push(unbatched ? `seq_len = ${config.seq_len}  # unbatched: no batch dimension` : `seq_len, batch = ${config.seq_len}, ${config.batch}`);
    if (proj > 0) lines.push(`proj_size = ${proj}`);
    lines.push(`D = ${D}  # ${config.bidirectional ? "2 because bidirectional=True" : "2 if bidirectional=True, else 1"}`);
    lines.push(proj > 0 ? "H_out = proj_size  # the hidden state is projected to proj_size" : "H_out = hidden_size  # proj_size would replace it");
    lines.push("");
    const args = ["input_size", "hidden_size", "num_layers=num_layers"];
    if (config.batch_first) args.push("batch_first=True");
    if (config.bidirectional) args.push("bidirectional=True");
    if (proj > 0) args.push("proj_size=proj_size");
    const call = `lstm = nn.LSTM(${args.join(", ")})`;
    if (call.length <= 80) lines.push(call);
    else lines.push("lstm = nn.LSTM(", ...args.map((arg) => `    ${arg},`), ")");
    if (unbatched) {
      lines.push("x = torch.randn(seq_len, input_size)");
      lines.push("h_0 = torch.zeros(D * num_layers, H_out)");
      lines.push("c_0 = torch.zeros(D * num_layers, hidden_size)");
    } else {
      lines.push(config.batch_first ? "x = torch.randn(batch, seq_len, input_size)  # batch_first=True" : "x = torch.randn(seq_len, batch, input_size)");
      lines.push(`h_0 = torch.zeros(D * num_layers, batch, H_out)${config.batch_first ? "  # batch_first does not apply to states" : ""}`);
      lines.push("c_0 = torch.zeros(D * num_layers, batch, hidden_size)");
    }
    lines.push("", "output, (h_n, c_n) = lstm(x, (h_0, c_0))", "");
    for (const [name, variable] of [["input", "x"], ["h_0", "h_0"], ["c_0", "c_0"], ["output", "output"], ["h_n", "h_n"], ["c_n", "c_n"]]) {
      lines.push(`print("${name}", tuple(${variable}.shape))`);
    }
    lines.push("for name, parameter in lstm.named_parameters():");
    lines.push("    print(name, tuple(parameter.shape))");
    return lines.join("\n") + "\n";
  }

  // ------------------------------------------------------------------------- the page

  const NUMBER_FIELDS = ["input_size", "hidden_size", "num_layers", "proj_size", "batch", "seq_len"];
  const FLAG_FIELDS = ["bidirectional", "batch_first", "unbatched"];
  const DEFAULTS = {
    input_size: "10", hidden_size: "20", num_layers: "2", proj_size: "0",
    bidirectional: false, batch_first: false, batch: "3", unbatched: false, seq_len: "5",
  };
  const TENSORS = ["input", "h_0", "c_0", "output", "h_n", "c_n"];

  // Python's tuple notation, as tuple(t.shape) prints it: (80,) and (5, 3, 20)
  const asTuple = (shape) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`);

  function formulas(config) {
    const unbatched = config.batch === null;
    const batchFirst = config.batch_first && !unbatched;
    const seq = (last) => (unbatched ? `(seq_len, ${last})` : batchFirst ? `(batch, seq_len, ${last})` : `(seq_len, batch, ${last})`);
    const state = (last) => (unbatched ? `(D * num_layers, ${last})` : `(D * num_layers, batch, ${last})`);
    return {
      input: seq("input_size"),
      h_0: state("H_out"),
      c_0: state("hidden_size"),
      output: seq("D * H_out"),
      h_n: state("H_out"),
      c_n: state("hidden_size"),
    };
  }

  function init() {
    const root = document.getElementById("lstm-explorer");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    const field = (name) => document.getElementById(`explorer-${name}`);
    const status = document.getElementById("explorer-status");
    const form = root.querySelector("form");

    // Restore a shared configuration from the query string.
    const params = new URLSearchParams(window.location.search);
    for (const name of NUMBER_FIELDS) {
      field(name).value = params.has(name) ? params.get(name) : DEFAULTS[name];
    }
    for (const name of FLAG_FIELDS) {
      field(name).checked = params.has(name) ? ["1", "true", "on"].includes(params.get(name)) : DEFAULTS[name];
    }

    // The form's values as a config; an entry that is not a number stays a string for problems().
    function readConfig() {
      const number = (name) => {
        const input = field(name);
        if (input.validity && input.validity.badInput) return "not a number";
        const raw = input.value.trim();
        return raw === "" ? "" : Number(raw);
      };
      const config = {};
      for (const name of NUMBER_FIELDS) config[name] = number(name);
      config.bidirectional = field("bidirectional").checked;
      config.batch_first = field("batch_first").checked;
      if (field("unbatched").checked) config.batch = null;
      return config;
    }

    function describe(name, value) {
      // problems() words a form's strings as a JSON value; the form says it plainly.
      if (value === "") return `${name} is empty: enter a whole number.`;
      if (value === "not a number") return `${name} must be a whole number.`;
      return null;
    }

    function render() {
      const config = readConfig();
      field("batch").disabled = config.batch === null;
      const found = problems(config).map((problem) => ({
        field: problem.field,
        message: describe(problem.field, config[problem.field]) || problem.message,
      }));
      for (const name of NUMBER_FIELDS) {
        const problem = found.find((p) => p.field === name);
        field(name).setAttribute("aria-invalid", problem ? "true" : "false");
        document.getElementById(`explorer-${name}-error`).textContent = problem ? problem.message : "";
      }
      updateUrl();

      const shapeCells = TENSORS.map((name) => document.getElementById(`explorer-shape-${name}`));
      const formulaCells = TENSORS.map((name) => document.getElementById(`explorer-formula-${name}`));
      const params = document.getElementById("explorer-params");
      const count = document.getElementById("explorer-param-count");
      const diagram = document.getElementById("explorer-diagram");
      const code = document.getElementById("explorer-code");
      const symbols = document.getElementById("explorer-symbols");

      if (found.length) {
        const summary = found.map((p) => p.message).join(" ");
        status.textContent = summary;
        status.classList.add("explorer-status--error");
        root.classList.add("explorer--invalid");
        shapeCells.forEach((cell) => (cell.textContent = "—"));
        formulaCells.forEach((cell) => (cell.textContent = "—"));
        symbols.textContent = "Fix the highlighted input above to see the shapes.";
        params.innerHTML = "";
        const row = params.insertRow();
        const cell = row.insertCell();
        cell.colSpan = 2;
        cell.textContent = "Fix the highlighted input above to see the parameters.";
        count.textContent = "";
        diagram.innerHTML = '<p class="explorer-placeholder">Fix the highlighted input above to see the diagram.</p>';
        code.textContent = `# Fix the input above to get a script: ${summary}\n`;
        return;
      }

      status.classList.remove("explorer-status--error");
      root.classList.remove("explorer--invalid");
      const shapes = lstmShapes(config);
      const written = formulas(config);
      TENSORS.forEach((name, i) => {
        shapeCells[i].textContent = asTuple(shapes[name]);
        formulaCells[i].textContent = written[name];
      });
      const D = config.bidirectional ? 2 : 1;
      const H_out = config.proj_size > 0 ? config.proj_size : config.hidden_size;
      symbols.textContent =
        `D = ${D} (${config.bidirectional ? "bidirectional" : "one direction"}), ` +
        `H_out = ${H_out} (${config.proj_size > 0 ? "proj_size" : "hidden_size"}).`;
      status.textContent =
        `output ${asTuple(shapes.output)}, h_n ${asTuple(shapes.h_n)}, c_n ${asTuple(shapes.c_n)}.`;

      const weights = lstmWeightShapes(config);
      params.innerHTML = "";
      let total = 0;
      for (const [name, shape] of Object.entries(weights)) {
        const row = params.insertRow();
        const nameCell = row.insertCell();
        nameCell.innerHTML = `<code>${escapeXml(name)}</code>`;
        const shapeCell = row.insertCell();
        shapeCell.innerHTML = `<code>${asTuple(shape)}</code>`;
        total += shape.reduce((a, b) => a * b, 1);
      }
      count.textContent =
        `${Object.keys(weights).length} tensors, ${total.toLocaleString("en-US")} numbers in all.`;
      count.dataset.total = String(total);

      // A phone gets fewer steps, so that the labels stay readable.
      const narrow = (diagram.clientWidth || window.innerWidth) < 560;
      const drawing = window.lstmUnrolledSvg(config, "explorer-diagram", narrow ? 4 : undefined);
      diagram.innerHTML =
        `<figure class="diagram diagram-unrolled">${drawing}<figcaption>` +
        "The shaded band is <code>output</code> (the top layer at every step); dashed outlines are " +
        "<code>h_n</code> and <code>c_n</code> (every layer's final state" +
        (config.bidirectional ? ": the backward rows end at the <strong>first</strong> step" : "") +
        ").</figcaption></figure>";
      code.textContent = pythonScript(config);
    }

    function updateUrl() {
      const query = new URLSearchParams(window.location.search); // keeps the claims' `input`
      for (const name of NUMBER_FIELDS) query.set(name, field(name).value);
      for (const name of FLAG_FIELDS) query.set(name, field(name).checked ? "1" : "0");
      const url = `${window.location.pathname}?${query}${window.location.hash}`;
      try {
        window.history.replaceState(window.history.state, "", url);
      } catch (error) {
        // A page opened from file:// cannot rewrite its URL; the explorer works without it.
      }
    }

    rerender = render;
    form.addEventListener("input", render);
    form.addEventListener("change", render);
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("reset", () => {
      window.setTimeout(() => {
        for (const name of NUMBER_FIELDS) field(name).value = DEFAULTS[name];
        for (const name of FLAG_FIELDS) field(name).checked = DEFAULTS[name];
        render();
      });
    });
    render();
  }

  // Redraw after a resize (a phone turned sideways), for whichever page is shown.
  let rerender = null;
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (rerender && document.getElementById("lstm-explorer")) rerender();
    }, 150);
  });

  window.lstmOnEveryPage(init); // page-start.js

  // ========================================================================== the claims
  // Which of the site's claims hold for the reader's configuration. Their results were computed
  // with torch at build, on the grid of lstm_site/claim_axes.py; lstm_site/claims.py writes them
  // into the page's #lstm-claims-data element (data-claims): {axes, page (the claims page),
  // claims: [{id, sentence (HTML), holds}]}, `holds` one character a grid configuration in
  // the grid's order ("1" holds, "0" does not, "-" does not apply). Nothing is computed here.
  //
  //   window.lstmClaims(config) -> [{id, holds: true | false | null}] for every claim, or {error}
  // config: as in claims.json, {module, num_layers, bidirectional, batch_first, proj_size,
  // input}; other keys (sizes) are ignored. No module is nn.LSTM; no input is read from
  // `batch` as the form does (null: unbatched, else batched). The grid stops at its largest
  // num_layers and has one proj_size > 0: a deeper LSTM gets the largest's results, any
  // proj_size > 0 the grid's (the page says so). tests/browser/test_explorer_claims.py holds
  // this against claims.json on every nn.LSTM configuration of the grid. The ids, sentences
  // and link come from the build (ids are [a-z0-9_]+), so they go into the list as they are.

  const CLAIM_CODES = { 1: true, 0: false, "-": null };
  let claimsCache = { element: null, data: null };

  function claimsData() {
    const element = document.getElementById("lstm-claims-data");
    if (!element) return null;
    if (claimsCache.element !== element) {
      claimsCache = { element, data: JSON.parse(element.dataset.claims) };
    }
    return claimsCache.data;
  }

  // The grid configuration whose results stand for `config`, with what was mapped, or {error}.
  function gridConfig(config, axes, batch) {
    if (config === null || typeof config !== "object") return { error: "The configuration must be an object." };
    const module = config.module === undefined ? "LSTM" : config.module;
    if (!axes.module.includes(module)) return { error: `module must be one of ${axes.module.join(", ")}.` };
    const layers = config.num_layers;
    if (!Number.isInteger(layers) || layers < 1) return { error: "num_layers must be a whole number of at least 1." };
    const proj = config.proj_size === undefined ? 0 : config.proj_size;
    if (!Number.isInteger(proj) || proj < 0) return { error: "proj_size must be 0 or a positive whole number." };
    const flags = {};
    for (const flag of ["bidirectional", "batch_first"]) {
      flags[flag] = config[flag] === undefined ? false : config[flag];
      if (typeof flags[flag] !== "boolean") return { error: `${flag} must be true or false.` };
    }
    const input = config.input !== undefined ? config.input : config.batch === null ? "unbatched" : "batched";
    if (!axes.input.includes(input)) return { error: `input must be one of ${axes.input.join(", ")}.` };
    const deepest = Math.max(...axes.num_layers);
    const projected = axes.proj_size.find((size) => size > 0);
    const mapped = [];
    if (layers > deepest) mapped.push(`num_layers=${layers} as ${deepest}`);
    if (proj > 0 && proj !== projected) mapped.push(`proj_size=${proj} as ${projected}`);
    if (Number.isInteger(config.batch) && config.batch !== batch) {
      mapped.push(`batch=${config.batch} as ${batch}`);
    }
    const grid = {
      module,
      num_layers: Math.min(layers, deepest),
      bidirectional: flags.bidirectional,
      batch_first: flags.batch_first,
      proj_size: proj > 0 ? projected : 0,
      input,
    };
    return { grid, mapped };
  }

  function lstmClaims(config) {
    const data = claimsData();
    if (!data) return { error: "This page has no claims data (only the explorer has)." };
    const found = gridConfig(config, data.axes, data.batch);
    if (found.error) return { error: found.error };
    let index = 0;
    for (const [axis, values] of Object.entries(data.axes)) {
      index = index * values.length + values.indexOf(found.grid[axis]);
    }
    return data.claims.map((claim) => ({ id: claim.id, holds: CLAIM_CODES[claim.holds[index]] }));
  }

  window.lstmClaims = lstmClaims;

  const CLAIM_GROUPS = [ // [holds, title, the class Material draws a <details> with]
    [false, "Does not hold", "failure"],
    [true, "Holds", "success"],
    [null, "Does not apply", "info"],
  ];

  function initClaims() {
    const root = document.getElementById("explorer-claims");
    const data = claimsData();
    if (!root || !data || root.dataset.ready) return;
    root.dataset.ready = "true";
    const form = document.querySelector("#lstm-explorer form");
    const select = document.getElementById("explorer-claims-input");
    const note = document.getElementById("explorer-claims-note");
    const list = document.getElementById("explorer-claims-list");
    const value = (name) => document.getElementById(`explorer-${name}`);
    const wanted = new URLSearchParams(window.location.search).get("input");
    if ([...select.options].some((option) => option.value === wanted)) select.value = wanted;

    // The form as lstmShapes reads it (a field that is no number stays a string, an error).
    function formConfig() {
      const config = {};
      for (const name of ["input_size", "hidden_size", "num_layers", "proj_size", "batch", "seq_len"]) {
        const raw = value(name).value.trim();
        config[name] = raw === "" || (value(name).validity && value(name).validity.badInput) ? "" : Number(raw);
      }
      config.bidirectional = value("bidirectional").checked;
      config.batch_first = value("batch_first").checked;
      const unbatched = value("unbatched").checked;
      if (unbatched) config.batch = null;
      config.input = unbatched ? "unbatched" : select.value;
      return config;
    }

    function show() {
      const config = formConfig();
      select.disabled = config.input === "unbatched";
      const url = new URL(window.location.href);
      url.searchParams.set("input", select.value);
      try {
        window.history.replaceState(window.history.state, "", url);
      } catch (error) {
        // A page opened from file:// cannot rewrite its URL; the list works without it.
      }
      const shapes = window.lstmShapes(config);
      const found = gridConfig(config, data.axes, data.batch);
      if (shapes.error || found.error) {
        note.textContent = "";
        list.innerHTML = '<p class="explorer-placeholder">Fix the highlighted input above to see which claims hold.</p>';
        return;
      }
      const deepest = Math.max(...data.axes.num_layers);
      const projected = data.axes.proj_size.find((size) => size > 0);
      note.textContent =
        (config.input === "unbatched" ? "Unbatched input (the box above): one sequence. " : "") +
        `The claims were checked with num_layers ${data.axes.num_layers.join(", ")} and ` +
        `proj_size ${data.axes.proj_size.join(", ")}: a deeper LSTM is shown the results for ` +
        `num_layers=${deepest}, any proj_size > 0 those for proj_size=${projected}, and every ` +
        `batch the results for a batch of ${data.batch}` +
        (found.mapped.length ? ` (here: ${found.mapped.join(", ")}).` : ".");
      const results = lstmClaims(config);
      const sentences = Object.fromEntries(data.claims.map((claim) => [claim.id, claim.sentence]));
      const hrefs = Object.fromEntries(data.claims.map((claim) => [claim.id, claim.href]));
      list.innerHTML = CLAIM_GROUPS.map(([holds, title, kind]) => {
        const items = results.filter((result) => result.holds === holds);
        if (!items.length) return "";
        const rows = items.map(
          (item) =>
            `<li data-claim="${item.id}" data-holds="${holds}">${sentences[item.id]} ` +
            `<a href="${hrefs[item.id]}">How this was checked</a></li>`,
        );
        // What does not hold is what a reader came for: open; the others folded.
        const open = holds === false ? " open" : "";
        return `<details class="${kind} explorer-claims-group"${open}><summary>${title} (${items.length})</summary><ul>${rows.join("")}</ul></details>`;
      }).join("");
    }

    form.addEventListener("input", show);
    form.addEventListener("change", show);
    form.addEventListener("reset", () => window.setTimeout(() => ((select.value = "batched"), show())));
    select.addEventListener("change", show);
    show();
  }

  window.lstmOnEveryPage(initClaims); // page-start.js
})();
