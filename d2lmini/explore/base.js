// The explorers in the browser: what every explorer shares. The static site
// and the slides run this with no kernel. Each explorer's own file registers
// its drawing with d2lExplorers.register(kind, draw); draw(svg, values, words,
// config, width) fills the SVG, sets its size and returns the readout's lines,
// as the explorer's Python module does (svg.py mirrors the helpers here, mark
// for mark). A figure is laid out for the width it is shown at, in CSS pixels
// over the page's --d2l-scale (1.75 on slides), so its text keeps its size:
// stacked panels on a phone, side by side on a desktop, again on a resize.
(function () {
  if (window.d2lExplorers) return;
  const SVGNS = "http://www.w3.org/2000/svg";
  const WIDTH = 640, NARROW = 500, TICK = 12, NAME = 13;  // as in svg.py
  const kinds = {};

  const fmt = (x, d) => Number.isFinite(x) ? x.toFixed(d) : (Number.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf"));
  const narrow = width => width < NARROW;
  function el(parent, name, attrs, text) {
    const e = document.createElementNS(SVGNS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e); return e;
  }
  // A label with a white halo, readable over lines and colours.
  function note(parent, x, y, text, size = TICK, anchor = "start", colour = "#000", rotate = false) {
    const a = { x, y, "font-size": size, "text-anchor": anchor, fill: colour, "paint-order": "stroke",
                stroke: "#fff", "stroke-width": 3, "stroke-opacity": 0.8 };
    if (rotate) a.transform = `rotate(-90 ${x} ${y})`;
    return el(parent, "text", a, text);
  }
  // A panel: data box [x0,x1]x[y0,y1] drawn at (left, top, width, height), clipped.
  function panel(svg, id, box, at, labels) {
    const [x0, x1, y0, y1] = box, [L, T, W, H] = at;
    const sx = x => L + (x - x0) / (x1 - x0) * W, sy = y => T + H - (y - y0) / (y1 - y0) * H;
    el(el(svg, "clipPath", { id: id }), "rect", { x: L, y: T, width: W, height: H });
    el(svg, "rect", { x: L, y: T, width: W, height: H, fill: "none", stroke: "#888" });
    const g = el(svg, "g", { "clip-path": `url(#${id})` });
    for (const [v, lab] of labels.x || []) el(svg, "text", { x: sx(v), y: T + H + 14, "text-anchor": "middle", "font-size": TICK }, lab);
    for (const [v, lab] of labels.y || []) el(svg, "text", { x: L - 4, y: sy(v) + 4, "text-anchor": "end", "font-size": TICK }, lab);
    if (labels.xname) el(svg, "text", { x: L + W / 2, y: T + H + 30, "text-anchor": "middle", "font-size": NAME }, labels.xname);
    if (labels.yname) el(svg, "text", { x: L - 38, y: T + H / 2, "text-anchor": "middle", "font-size": NAME, transform: `rotate(-90 ${L - 38} ${T + H / 2})` }, labels.yname);
    const inside = q => q[0] >= x0 && q[0] <= x1 && q[1] >= y0 && q[1] <= y1;
    return { g, sx, sy, box, at, svg, inside };
  }
  const line = (p, pts, attrs) => el(p.g, "polyline", Object.assign({ fill: "none",
    points: pts.filter(q => Number.isFinite(q[0]) && Number.isFinite(q[1]))
               .map(q => `${p.sx(q[0]).toFixed(1)},${p.sy(Math.max(-1e6, Math.min(1e6, q[1]))).toFixed(1)}`).join(" ") }, attrs));
  const clamp = v => Math.max(-1e6, Math.min(1e6, v));
  const dots = (p, pts, colour, r = 2) => pts.filter(q => Number.isFinite(q[0]) && Number.isFinite(q[1]))
    .forEach(q => el(p.g, "circle", { cx: clamp(p.sx(q[0])).toFixed(1), cy: clamp(p.sy(q[1])).toFixed(1), r, fill: colour }));
  // Where the segment from a (inside the box) to b (outside) leaves it.
  function exit(p, a, b) {
    const [x0, x1, y0, y1] = p.box;
    let t = 1;
    for (const [lo, hi, s, q] of [[x0, x1, a[0], b[0]], [y0, y1, a[1], b[1]]]) {
      if (!Number.isFinite(q)) return a;
      if (q > hi) t = Math.min(t, (hi - s) / (q - s));
      else if (q < lo) t = Math.min(t, (lo - s) / (q - s));
    }
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  // text beside a point, inside the panel (shift: more lines inwards).
  function tag(p, point, text, colour, shift = 0) {
    const [L, T, W, H] = p.at, x = p.sx(point[0]), right = x > L + W / 2;
    let y = p.sy(point[1]);
    y = y < T + H / 2 ? y + 16 * (shift + 1) : y - 8 - 16 * shift;
    y = Math.min(Math.max(y, T + 14), T + H - 5);
    note(p.svg, right ? x - 6 : x + 6, y, text, NAME, right ? "end" : "start", colour);
  }
  // A run: its line and a dot per step (of radius r, if r). A run that diverges (diverges is then
  // its note) stops where it leaves the box, and the note stands there.
  function path(p, pts, colour, width, r = 2, diverges = "", shift = 0) {
    let shown = pts.slice();
    if (diverges) {
      const out = shown.findIndex(q => !p.inside(q));
      if (out > 0) shown = [...shown.slice(0, out), exit(p, shown[out - 1], shown[out])];
    }
    line(p, shown, { stroke: colour, "stroke-width": width });
    if (r) dots(p, shown.filter(p.inside), colour, r);
    if (diverges) tag(p, shown[shown.length - 1], diverges, colour, shift);
  }
  function legend(svg, x, y, entries) {
    entries.forEach(([attrs, label], k) => {
      el(svg, "line", Object.assign({ x1: x, x2: x + 18, y1: y + 16 * k, y2: y + 16 * k }, attrs));
      el(svg, "text", { x: x + 23, y: y + 16 * k + 4, "font-size": TICK }, label);
    });
  }
  const size = (svg, width, height) => svg.setAttribute("viewBox", `0 0 ${width} ${height}`);

  // The width to lay a figure out for: its CSS width over the page's scale.
  function widthOf(root, svg) {
    const scale = parseFloat(getComputedStyle(root).getPropertyValue("--d2l-scale")) || 1;
    return svg.clientWidth > 0 ? Math.round(svg.clientWidth / scale) : WIDTH;
  }
  function setup(root) {
    const cfg = JSON.parse(root.dataset.config), svg = root.querySelector("svg");
    const draw = kinds[cfg.kind], inputs = [...root.querySelectorAll("input")];
    const readout = root.querySelector(".d2l-readout");
    let width = widthOf(root, svg);
    function update() {
      const v = {};
      for (const i of inputs) {
        v[i.name] = i.type === "checkbox" ? i.checked : Number(i.value);
        const out = root.querySelector(`output[for="${i.id}"]`);
        if (out) out.textContent = i.value;
      }
      const labels = draw.labels ? draw.labels(v, cfg.words) : {};
      for (const i of inputs)
        if (labels[i.name]) root.querySelector(`label[for="${i.id}"]`).textContent = labels[i.name];
      svg.replaceChildren();
      const lines = draw(svg, v, cfg.words, cfg, width);
      if (lines.join("\n") !== readout.innerText)  // a re-layout alone says nothing new
        readout.replaceChildren(...lines.map(t => Object.assign(document.createElement("div"), { textContent: t })));
    }
    inputs.forEach(i => i.addEventListener("input", update));
    update();
    if (window.ResizeObserver)
      new ResizeObserver(() => {
        const now = widthOf(root, svg);
        if (now !== width) { width = now; update(); }
      }).observe(svg);
  }
  function init() {
    document.querySelectorAll(".d2l-explorer:not([data-ready])").forEach(root => {
      if (kinds[JSON.parse(root.dataset.config).kind]) { root.dataset.ready = "1"; setup(root); }
    });
  }
  window.d2lExplorers = {
    lib: { fmt, el, note, panel, line, dots, path, legend, narrow, size, TICK, NAME },
    register(kind, draw) { kinds[kind] = draw; init(); },
    init,
  };
})();
