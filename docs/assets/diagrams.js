// The site's diagrams, drawn by this one renderer: pure functions from a configuration to <svg>
// markup. The build runs this file in an embedded V8 (lstm_site/diagrams.py, for the
// `<!-- diagram: ... -->` markers in the pages); the browser runs it for the explorer's live grid
// (docs/assets/explorer.js). So it touches no DOM and defines nothing but the two globals below.
//
//   lstmUnrolledSvg(config, uid, maxSteps = 6) -> the unrolled grid
//     config: {num_layers, seq_len, bidirectional, batch_first, batch}; batch null = unbatched
//   lstmCellSvg(uid) -> one LSTM step, its gates and its two states
//
// Colours come from classes styled in docs/assets/extra.css with Material's CSS variables, so the
// diagrams follow the light and the dark scheme; `currentColor` is only a fallback.
(function () {
  "use strict";

  const CELL_W = 76, CELL_H = 34, COL = 104, ROW = 72, PAIR = 12, LAYER_GAP = 40;
  const PAD = 14, CHAR_W = 7.9, MIN_SCALE = 0.6, TOP = 64, BOTTOM = 56;
  const MAX_DRAWN_STEPS = 6; // more steps are drawn as the first 3, a gap, the last 2
  const MAX_DRAWN_LAYERS = 4; // more layers: the first, a gap, the last 2
  const MAX_DRAWN_BIDIRECTIONAL_LAYERS = 3; // the first, a gap, the last
  const ELLIPSIS = "⋯", VERTICAL_ELLIPSIS = "⋮"; // a gap in the steps, a gap in the layers

  const escapeXml = (text) =>
    String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const fmt = (value) => String(Math.round(value * 10) / 10);

  // The steps or layers to draw: all of them, or the first `head`, a gap (null), the last.
  function drawn(count, cap, head) {
    if (count <= cap) return Array.from({ length: count }, (_, i) => i);
    const tail = cap - head - 1;
    const first = Array.from({ length: head }, (_, i) => i);
    const last = Array.from({ length: tail }, (_, i) => count - tail + i);
    return [...first, null, ...last];
  }

  // ["steps 3 to 5 (⋯)"] for the gap in `indices`, if there is one.
  function leftOut(indices, name, mark) {
    const gap = indices.indexOf(null);
    if (gap < 0) return [];
    const first = indices[gap - 1] + 1, last = indices[gap + 1] - 1;
    return [first === last ? `${name} ${first} (${mark})` : `${name}s ${first} to ${last} (${mark})`];
  }

  function svgBuilder() {
    const parts = [];
    const api = {
      rect(x, y, w, h, cls, rx = 6) {
        parts.push(
          `<rect class="${cls}" x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}"` +
            ` rx="${fmt(rx)}" fill="none" stroke="currentColor"/>`,
        );
      },
      circle(cx, cy, r, cls) {
        parts.push(
          `<circle class="${cls}" cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}"` +
            ' fill="none" stroke="currentColor"/>',
        );
      },
      text(x, y, content, cls = "d-label", anchor = "middle") {
        parts.push(
          `<text class="${cls}" x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}"` +
            ` fill="currentColor">${escapeXml(content)}</text>`,
        );
      },
      path(points, cls = "d-line") {
        const d = points.map(([x, y], i) => `${i ? "L" : "M"}${fmt(x)} ${fmt(y)}`).join(" ");
        parts.push(`<path class="${cls}" d="${d}" fill="none" stroke="currentColor"/>`);
      },
      // A polyline through `points` with an arrowhead at the last one.
      arrow(points, cls = "d-arrow") {
        const [x1, y1] = points[points.length - 2];
        const [x2, y2] = points[points.length - 1];
        const length = Math.hypot(x2 - x1, y2 - y1);
        const ux = (x2 - x1) / length, uy = (y2 - y1) / length;
        const bx = x2 - 7 * ux, by = y2 - 7 * uy;
        api.path([...points.slice(0, -1), [bx, by]], cls);
        const head = [[x2, y2], [bx - 4 * uy, by + 4 * ux], [bx + 4 * uy, by - 4 * ux]];
        parts.push(
          `<path class="${cls}-head" d="M${head.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join(" L")} Z"` +
            ` fill="currentColor"/>`,
        );
      },
      // The <svg>: it scales with the column, but not below MIN_SCALE (a narrower screen scrolls
      // the figure rather than shrink its text further); its title and description name it.
      markup(width, height, uid, title, description, kind) {
        return (
          `<svg class="diagram-svg diagram-${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(width)} ${fmt(height)}"` +
          ` width="100%" style="max-width: ${fmt(width * 1.15)}px; min-width: ${fmt(width * MIN_SCALE)}px" role="img" aria-labelledby="${uid}-title" aria-describedby="${uid}-desc"` +
          ` font-family="monospace" font-size="13"><title id="${uid}-title">${escapeXml(title)}</title>` +
          `<desc id="${uid}-desc">${escapeXml(description)}</desc>${parts.join("")}</svg>`
        );
      },
    };
    return api;
  }

  // h_n[k], c_n[k]; the top layer's rows also get their negative index (= h_n[-1]).
  function stateLabels(index, total, directions) {
    if (index < total - directions) return [`h_n[${index}]`, `c_n[${index}]`];
    const negative = index - total;
    return [`h_n[${index}]`, `= h_n[${negative}]`, `c_n[${index}]`, `= c_n[${negative}]`];
  }

  // The lines of a row's final-state label, centred on the row.
  function stateText(svg, x, mid, lines, anchor) {
    lines.forEach((line, i) => {
      const cls = "d-label d-label-state" + (line.startsWith("=") ? " d-label-alias" : "");
      svg.text(x, mid + 4.5 + (i - (lines.length - 1) / 2) * 15, line, cls, anchor);
    });
  }

  // The unrolled grid: layers bottom to top, steps left to right. Past 6 steps or 4 layers
  // (3 bidirectional) it leaves the middle out, with a gap (⋯, ⋮).
  function unrolledSvg(config, uid, maxSteps = MAX_DRAWN_STEPS) {
    const svg = svgBuilder();
    const bidirectional = config.bidirectional;
    const directions = bidirectional ? 2 : 1;
    const numLayers = config.num_layers;
    const seqLen = config.seq_len;
    const steps = drawn(seqLen, maxSteps, Math.floor(maxSteps / 2));
    const layers = drawn(numLayers, bidirectional ? MAX_DRAWN_BIDIRECTIONAL_LAYERS : MAX_DRAWN_LAYERS, 1);
    const unbatched = config.batch === null;
    const at = (name, t) => (config.batch_first && !unbatched ? `${name}[:, ${t}]` : `${name}[${t}]`);
    // After a gap, steps are named from the end, as output[-1] is usually written.
    const stepName = (slot) => (steps.includes(null) && slot > steps.indexOf(null) ? steps[slot] - seqLen : steps[slot]);

    const total = numLayers * directions;
    const allLabels = layers
      .filter((layer) => layer !== null)
      .flatMap((layer) => [0, 1].slice(0, directions).flatMap((d) => stateLabels(layer * directions + d, total, directions)));
    const stateMargin = 36 + Math.max(...allLabels.map((label) => label.length)) * CHAR_W;
    // Wide enough for the longest label above a step, output[:, -1] say.
    const longestStep = Math.max(...steps.map((step, slot) => (step === null ? 0 : at("output", stepName(slot)).length)));
    const col = Math.max(COL, longestStep * CHAR_W + 12);
    const left = PAD + (bidirectional ? stateMargin : 0);
    const top = TOP + (bidirectional ? 24 : 0); // bidirectional: room for the legend
    const block = bidirectional ? CELL_H * 2 + PAIR : CELL_H; // one layer's rows
    const pitch = bidirectional ? block + LAYER_GAP : ROW;
    const gridW = (steps.length - 1) * col + CELL_W;
    const gridH = (layers.length - 1) * pitch + block;
    const width = left + gridW + stateMargin + PAD;
    const height = top + gridH + BOTTOM;
    const xOf = (slot) => left + slot * col;
    const yOf = (row) => top + (layers.length - 1 - row) * pitch; // row 0 is the bottom

    // The output band: the top layer at every step.
    svg.rect(left - 9, yOf(layers.length - 1) - 9, gridW + 18, block + 18, "d-band-output", 10);
    if (bidirectional) {
      svg.text(left - 9, 18, `${at("output", "t")} = [forward; backward] of the top layer`, "d-label", "start");
      layers.forEach((layer, row) => {
        if (layer !== null) svg.rect(left - 5, yOf(row) - 5, gridW + 10, block + 10, "d-group", 8);
      });
    } else {
      // h_n and c_n: every layer at the last step
      svg.rect(xOf(steps.length - 1) - 14, top - 14, CELL_W + 28, gridH + 28, "d-state", 12);
    }

    const gap = bidirectional ? 5 : 0;
    steps.forEach((step, slot) => {
      const cx = xOf(slot) + CELL_W / 2;
      const bottom = top + gridH;
      if (step === null) {
        svg.text(cx, bottom + 40, ELLIPSIS, "d-label d-ellipsis");
        svg.text(cx, top - 30, ELLIPSIS, "d-label d-ellipsis");
        return;
      }
      // input below, output above
      svg.arrow([[cx, bottom + 32], [cx, bottom + gap]]);
      svg.text(cx, bottom + 48, at("x", stepName(slot)));
      svg.arrow([[cx, top - gap], [cx, top - 30]], "d-arrow-output");
      svg.text(cx, top - 36, at("output", stepName(slot)), "d-label d-label-output");
      for (let row = 0; row < layers.length - 1; row++) {
        // layer k feeds layer k + 1 at the same step
        const from = yOf(row) - gap, to = yOf(row + 1) + block + gap;
        if (layers[row] === null || layers[row + 1] === null) svg.path([[cx, from], [cx, to]], "d-line d-line-gap");
        else svg.arrow([[cx, from], [cx, to]]);
      }
    });

    layers.forEach((layer, row) => {
      if (layer === null) {
        steps.forEach((step, slot) => svg.text(xOf(slot) + CELL_W / 2, yOf(row) + block / 2 + 5, VERTICAL_ELLIPSIS, "d-label d-ellipsis"));
        return;
      }
      for (let direction = 0; direction < directions; direction++) {
        const y = yOf(row) + (direction === 0 ? block - CELL_H : 0); // forward row below
        const mid = y + CELL_H / 2;
        const mark = bidirectional ? (direction === 0 ? " →" : " ←") : "";
        // "layer 10 →" overflows a cell
        const name = `layer ${layer}${mark}`.length > 9 ? `L${layer}${mark}` : `layer ${layer}${mark}`;
        steps.forEach((step, slot) => {
          if (step === null) {
            svg.text(xOf(slot) + CELL_W / 2, mid + 5, ELLIPSIS, "d-label d-ellipsis");
            return;
          }
          svg.rect(xOf(slot), y, CELL_W, CELL_H, "d-cell");
          svg.text(xOf(slot) + CELL_W / 2, mid + 4, name, "d-cell-text");
        });
        for (let slot = 0; slot < steps.length - 1; slot++) {
          const a = xOf(slot) + CELL_W, b = xOf(slot + 1);
          if (steps[slot] === null) svg.path([[b - 24, mid], [b, mid]], "d-line d-line-gap");
          else if (steps[slot + 1] === null) svg.path([[a, mid], [a + 24, mid]], "d-line d-line-gap");
          else svg.arrow(direction === 0 ? [[a, mid], [b, mid]] : [[b, mid], [a, mid]]);
        }
        const labels = stateLabels(layer * directions + direction, total, directions);
        if (direction === 0) {
          // the forward direction ends at the last step
          const end = xOf(steps.length - 1) + CELL_W;
          if (bidirectional) svg.rect(end - CELL_W - 3, y - 3, CELL_W + 6, CELL_H + 6, "d-state", 8);
          svg.arrow([[end, mid], [end + 26, mid]], "d-arrow-state");
          stateText(svg, end + 32, mid, labels, "start");
        } else {
          // the backward direction ends at the FIRST step
          const start = xOf(0);
          svg.rect(start - 3, y - 3, CELL_W + 6, CELL_H + 6, "d-state", 8);
          svg.arrow([[start, mid], [start - 26, mid]], "d-arrow-state");
          stateText(svg, start - 32, mid, labels, "end");
        }
      }
    });

    const { title, description } = unrolledText(config, steps, layers, at);
    return svg.markup(width, height, uid, title, description, "unrolled");
  }

  // The grid's accessible title and description.
  function unrolledText(config, steps, layers, at) {
    const numLayers = config.num_layers, seqLen = config.seq_len;
    const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const over = `${numLayers}-layer LSTM over ${plural(seqLen, "step")}`;
    const gaps = [...leftOut(steps, "step", ELLIPSIS), ...leftOut(layers, "layer", VERTICAL_ELLIPSIS)];
    const inputs = seqLen === 1 ? `the input ${at("x", 0)} enters` : `inputs ${at("x", 0)} to ${at("x", seqLen - 1)} enter`;
    let description =
      `Layers are drawn bottom to top and steps left to right; ${inputs} the bottom layer.` +
      (gaps.length ? ` Left out to keep the drawing small: ${gaps.join(", ")}.` : "");
    let title;
    if (config.bidirectional) {
      title =
        `Unrolled bidirectional ${over}: each layer has a forward row that ends at the last ` +
        "step and a backward row that ends at the first step; the top layer is output, both " +
        "directions concatenated";
      description +=
        ` ${at("output", "t")} is the top layer's forward and backward hidden states at step ` +
        "t, concatenated. h_n and c_n go layer by layer, forward then backward: h_n[2k] is " +
        "layer k forward, h_n[2k + 1] layer k backward. The forward rows end at the last step " +
        "(right), the backward rows at the first step (left), so " +
        `h_n[-1] = h_n[${2 * numLayers - 1}] is the top layer's backward state at step 0.`;
    } else {
      title = `Unrolled ${over}: the top row is output, the last column is h_n and c_n`;
      description +=
        ` ${at("output", "t")} is the top layer's hidden state at step t. h_n[k] and c_n[k] ` +
        "are layer k's states at the last step, so h_n[0] is the bottom layer and " +
        `h_n[-1] = h_n[${numLayers - 1}] the top one, equal to ${at("output", -1)}.`;
    }
    return { title, description };
  }

  // One LSTM step: the gates i, f, g, o between c_{t-1} -> c_t and h_{t-1} -> h_t.
  function cellSvg(uid) {
    const svg = svgBuilder();
    const cY = 70, busY = 232, gateY = 178, hY = 178;
    svg.rect(84, 36, 392, 224, "d-group", 14);
    // The cell state runs straight through: forget, then add.
    svg.text(14, cY - 10, "c_{t-1}", "d-label d-label-state", "start");
    svg.path([[14, cY], [159, cY]], "d-line-state");
    svg.circle(170, cY, 11, "d-op");
    svg.text(170, cY + 5, "×", "d-op-text");
    svg.path([[181, cY], [279, cY]], "d-line-state");
    svg.circle(290, cY, 11, "d-op");
    svg.text(290, cY + 5, "+", "d-op-text");
    svg.arrow([[301, cY], [546, cY]], "d-arrow-state");
    svg.text(546, cY - 10, "c_t", "d-label d-label-state", "end");
    // h_{t-1} and x_t meet on a bus under the gates.
    svg.text(14, busY - 10, "h_{t-1}", "d-label", "start");
    svg.path([[14, busY], [370, busY]]);
    svg.arrow([[120, 290], [120, busY]], "d-arrow");
    svg.text(120, 306, "x_t", "d-label");
    const gates = [["f", "σ", 170], ["i", "σ", 230], ["g", "tanh", 290], ["o", "σ", 370]];
    for (const [name, activation, x] of gates) {
      svg.path([[x, busY], [x, gateY + 17]]);
      svg.rect(x - 24, gateY - 17, 48, 34, "d-gate", 6);
      svg.text(x, gateY - 1, name, "d-label d-gate-name");
      svg.text(x, gateY + 12, activation, "d-gate-text");
    }
    svg.arrow([[170, gateY - 17], [170, cY + 11]]); // f * c_{t-1}
    svg.circle(290, 122, 11, "d-op"); // i * g
    svg.text(290, 127, "×", "d-op-text");
    svg.arrow([[230, gateY - 17], [230, 122], [279, 122]]);
    svg.arrow([[290, gateY - 17], [290, 133]]);
    svg.arrow([[290, 111], [290, cY + 11]]);
    // h_t = o * tanh(c_t)
    svg.path([[432, cY], [432, 100]], "d-line-state");
    svg.rect(410, 100, 44, 24, "d-gate", 6);
    svg.text(432, 116, "tanh", "d-gate-text");
    svg.arrow([[432, 124], [432, hY - 11]]);
    svg.circle(432, hY, 11, "d-op");
    svg.text(432, hY + 5, "×", "d-op-text");
    svg.arrow([[370 + 24, hY], [421, hY]]);
    svg.arrow([[443, hY], [546, hY]], "d-arrow-output");
    svg.text(546, hY - 10, "h_t", "d-label d-label-output", "end");
    svg.text(300, 286, "c_t = f * c_{t-1} + i * g", "d-label", "start");
    svg.text(300, 306, "h_t = o * tanh(c_t)", "d-label", "start");

    const title =
      "One LSTM step: gates i, f, g and o are computed from x_t and h_{t-1}; " +
      "c_t = f * c_{t-1} + i * g and h_t = o * tanh(c_t)";
    const description =
      "The cell state c_{t-1} runs along the top: it is multiplied by the forget gate f, then " +
      "i * g is added, giving c_t. Below, x_t and h_{t-1} feed the four gates: i, f and o " +
      "through a sigmoid, g through tanh. The output gate o multiplies tanh(c_t) to give h_t, " +
      "which is both the step's output and the next step's h_{t-1}.";
    return svg.markup(560, 318, uid, title, description, "cell");
  }

  globalThis.lstmUnrolledSvg = unrolledSvg;
  globalThis.lstmCellSvg = cellSvg;
})();
