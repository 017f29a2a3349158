// The explorers in the browser: what every explorer shares. The static site
// and the slides run this with no kernel. Each explorer's own file registers
// its drawing with d2lExplorers.register(kind, draw); draw(svg, values, words,
// config) fills the SVG and returns the readout's lines, as the explorer's
// Python module does (svg.py mirrors the helpers here, mark for mark).
(function () {
  if (window.d2lExplorers) return;
  const SVGNS = "http://www.w3.org/2000/svg";
  const kinds = {};

  const fmt = (x, d) => Number.isFinite(x) ? x.toFixed(d) : (Number.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf"));
  function el(parent, name, attrs, text) {
    const e = document.createElementNS(SVGNS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e); return e;
  }
  // A panel: data box [x0,x1]x[y0,y1] drawn at (left, top, width, height), clipped.
  function panel(svg, id, box, at, labels) {
    const [x0, x1, y0, y1] = box, [L, T, W, H] = at;
    const sx = x => L + (x - x0) / (x1 - x0) * W, sy = y => T + H - (y - y0) / (y1 - y0) * H;
    el(el(svg, "clipPath", { id: id }), "rect", { x: L, y: T, width: W, height: H });
    el(svg, "rect", { x: L, y: T, width: W, height: H, fill: "none", stroke: "#888" });
    const g = el(svg, "g", { "clip-path": `url(#${id})` });
    for (const [v, lab] of labels.x || []) el(svg, "text", { x: sx(v), y: T + H + 14, "text-anchor": "middle", "font-size": 12 }, lab);
    for (const [v, lab] of labels.y || []) el(svg, "text", { x: L - 4, y: sy(v) + 4, "text-anchor": "end", "font-size": 12 }, lab);
    if (labels.xname) el(svg, "text", { x: L + W / 2, y: T + H + 30, "text-anchor": "middle", "font-size": 13 }, labels.xname);
    if (labels.yname) el(svg, "text", { x: L - 38, y: T + H / 2, "text-anchor": "middle", "font-size": 13, transform: `rotate(-90 ${L - 38} ${T + H / 2})` }, labels.yname);
    return { g, sx, sy };
  }
  const line = (p, pts, attrs) => el(p.g, "polyline", Object.assign({ fill: "none",
    points: pts.filter(q => Number.isFinite(q[0]) && Number.isFinite(q[1]))
               .map(q => `${p.sx(q[0]).toFixed(1)},${p.sy(Math.max(-1e6, Math.min(1e6, q[1]))).toFixed(1)}`).join(" ") }, attrs));
  const clamp = v => Math.max(-1e6, Math.min(1e6, v));
  const dots = (p, pts, colour, r = 2) => pts.filter(q => Number.isFinite(q[0]) && Number.isFinite(q[1]))
    .forEach(q => el(p.g, "circle", { cx: clamp(p.sx(q[0])).toFixed(1), cy: clamp(p.sy(q[1])).toFixed(1), r, fill: colour }));
  function legend(svg, x, y, entries) {
    entries.forEach(([attrs, label], k) => {
      el(svg, "line", Object.assign({ x1: x, x2: x + 18, y1: y + 16 * k, y2: y + 16 * k }, attrs));
      el(svg, "text", { x: x + 23, y: y + 16 * k + 4, "font-size": 12 }, label);
    });
  }

  function setup(root) {
    const cfg = JSON.parse(root.dataset.config), svg = root.querySelector("svg");
    const draw = kinds[cfg.kind], inputs = [...root.querySelectorAll("input")];
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
      const lines = draw(svg, v, cfg.words, cfg);
      root.querySelector(".d2l-readout").replaceChildren(...lines.map(t => Object.assign(document.createElement("div"), { textContent: t })));
    }
    inputs.forEach(i => i.addEventListener("input", update));
    update();
  }
  function init() {
    document.querySelectorAll(".d2l-explorer:not([data-ready])").forEach(root => {
      if (kinds[JSON.parse(root.dataset.config).kind]) { root.dataset.ready = "1"; setup(root); }
    });
  }
  window.d2lExplorers = {
    lib: { fmt, el, panel, line, dots, legend },
    register(kind, draw) { kinds[kind] = draw; init(); },
    init,
  };
})();
