// The chapter's explorers in the browser: the static site and the slides run
// this with no kernel. Each computation mirrors d2lmini/explorers.py (the
// tests compare the two); each drawing mirrors d2lmini/svgdraw.py.
(function () {
  if (window.d2lExplorers) { window.d2lExplorers.init(); return; }
  const SVGNS = "http://www.w3.org/2000/svg";
  const CURV = [0.2, 4.0], START = [-5, -2];

  // ---- computations (explorers.py) ----
  function trajectory(eta, beta, steps) {
    const x = START.slice(), v = [0, 0], pts = [x.slice()];
    for (let t = 0; t < steps; t++) {
      for (let i = 0; i < 2; i++) { v[i] = beta * v[i] + CURV[i] * x[i]; x[i] -= eta * v[i]; }
      pts.push(x.slice());
    }
    return pts;
  }
  function radius(el, beta) {
    const b = 1 + beta - el, disc = b * b - 4 * beta;
    if (disc < 0) return Math.sqrt(beta);
    const r = Math.sqrt(disc);
    return Math.max(Math.abs(b + r), Math.abs(b - r)) / 2;
  }
  function best(lmin, lmax) {
    const k = lmax / lmin, rate = (Math.sqrt(k) - 1) / (Math.sqrt(k) + 1);
    return [4 / (Math.sqrt(lmax) + Math.sqrt(lmin)) ** 2, rate * rate, rate];
  }
  function iterates(eta, beta, lam, steps) {
    let x = 1, v = 0; const xs = [x];
    for (let t = 0; t < steps; t++) { v = beta * v + lam * x; x -= eta * v; xs.push(x); }
    return xs;
  }
  function leaky(g, beta) { let v = 0; return g.map(gt => { v = beta * v + gt; return (1 - beta) * v; }); }

  // ---- drawing ----
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
    for (const [v, lab] of labels.x) el(svg, "text", { x: sx(v), y: T + H + 14, "text-anchor": "middle", "font-size": 11 }, lab);
    for (const [v, lab] of labels.y) el(svg, "text", { x: L - 4, y: sy(v) + 4, "text-anchor": "end", "font-size": 11 }, lab);
    if (labels.xname) el(svg, "text", { x: L + W / 2, y: T + H + 30, "text-anchor": "middle", "font-size": 12 }, labels.xname);
    if (labels.yname) el(svg, "text", { x: L - 36, y: T + H / 2, "text-anchor": "middle", "font-size": 12, transform: `rotate(-90 ${L - 36} ${T + H / 2})` }, labels.yname);
    return { g, sx, sy };
  }
  const line = (p, pts, attrs) => el(p.g, "polyline", Object.assign({ fill: "none",
    points: pts.filter(q => Number.isFinite(q[0]) && Number.isFinite(q[1]))
               .map(q => `${p.sx(q[0]).toFixed(1)},${p.sy(Math.max(-1e6, Math.min(1e6, q[1]))).toFixed(1)}`).join(" ") }, attrs));

  // ---- the three explorers ----
  const draw = {
    trajectory(svg, v, w) {
      const p = panel(svg, svg.id + "c", [-6, 2, -3, 3], [50, 10, 520, 300],
        { x: [[-6, "−6"], [-4, "−4"], [-2, "−2"], [0, "0"], [2, "2"]], y: [[-2, "−2"], [0, "0"], [2, "2"]], xname: "x₁", yname: "x₂" });
      for (const c of [0.5, 2, 5, 10, 20])
        el(p.g, "ellipse", { cx: p.sx(0), cy: p.sy(0), rx: p.sx(Math.sqrt(c / 0.1)) - p.sx(0), ry: p.sy(0) - p.sy(Math.sqrt(c / 2)), fill: "none", stroke: "#9ecae1" });
      const gd = trajectory(v.eta, 0, v.steps), mom = trajectory(v.eta, v.beta, v.steps);
      line(p, gd, { stroke: "#ff7f0e", "stroke-width": 2 });
      line(p, mom, { stroke: "#1f77b4", "stroke-width": 2 });
      const rows = [0, 1].map(i => {
        const rg = radius(v.eta * CURV[i], 0), rm = radius(v.eta * CURV[i], v.beta);
        return `${w.direction} x${i + 1} (λ = ${CURV[i]}): ${w.gd} ${fmt(rg, 3)} ${rg < 1 ? w.converges : w.diverges}, ${w.momentum} ${fmt(rm, 3)} ${rm < 1 ? w.converges : w.diverges}`;
      });
      const a = gd[gd.length - 1], b = mom[mom.length - 1];
      return [`epoch ${v.steps} · ${w.gd}: x1: ${fmt(a[0], 6)}, x2: ${fmt(a[1], 6)} · ${w.momentum}: x1: ${fmt(b[0], 6)}, x2: ${fmt(b[1], 6)}`, ...rows];
    },
    leaky(svg, v, w, cfg) {
      const n = 60, win = 1 / (1 - v.beta);  // as many bars as the t slider's range
      const p = panel(svg, svg.id + "w", [-0.5, n - 0.5, 0, 1.05], [50, 10, 250, 260],
        { x: [[0, "0"], [20, "20"], [40, "40"]], y: [[0, "0"], [0.5, "0.5"], [1, "1"]], xname: w.tau, yname: "βᵗ" });
      for (let t = 0; t < n; t++)
        el(p.g, "rect", { x: p.sx(t - 0.4), y: p.sy(v.beta ** t), width: p.sx(0.8) - p.sx(0), height: p.sy(0) - p.sy(v.beta ** t), fill: t < v.steps ? "#1f77b4" : "#c6dbef" });
      el(p.g, "line", { x1: p.sx(win), x2: p.sx(win), y1: p.sy(0), y2: p.sy(1.05), stroke: "#d62728", "stroke-dasharray": "4 3" });
      const g = cfg.gradients, q = panel(svg, svg.id + "g", [0, g.length - 1, -2, 4], [350, 10, 260, 260],
        { x: [[0, "0"], [20, "20"], [40, "40"]], y: [[-2, "−2"], [0, "0"], [2, "2"], [4, "4"]], xname: "t" });
      line(q, g.map((x, t) => [t, x]), { stroke: "#aaa" });
      line(q, leaky(g, v.beta).map((x, t) => [t, x]), { stroke: "#1f77b4", "stroke-width": 2.5 });
      const total = v.beta === 1 ? v.steps : (1 - v.beta ** v.steps) / (1 - v.beta);
      return [`${w.window} 1/(1 − β) = ${fmt(win, 2)}`, `${w.sum} t = ${v.steps}: (1 − βᵗ)/(1 − β) = ${fmt(total, 3)}`];
    },
    region(svg, v, w, cfg) {
      const X = 4.5, p = panel(svg, svg.id + "r", [0, X, 0, 1], [50, 10, 300, 260],
        { x: [[0, "0"], [1, "1"], [2, "2"], [3, "3"], [4, "4"]], y: [[0, "0"], [0.5, "0.5"], [1, "1"]], xname: "ηλ", yname: "β" });
      el(p.g, "image", { href: cfg.map, x: p.sx(0), y: p.sy(1), width: p.sx(X) - p.sx(0), height: p.sy(0) - p.sy(1), preserveAspectRatio: "none" });
      line(p, [[2, 0], [4, 1]], { stroke: "#000", "stroke-dasharray": "5 4", "stroke-width": 1.5 });
      const [be, bb, rate] = best(CURV[0], CURV[1]);
      for (const lam of CURV) el(p.g, "path", { d: `M${p.sx(be * lam)},${p.sy(bb) - 7}l2,5h5l-4,3l2,6l-5,-4l-5,4l2,-6l-4,-3h5z`, fill: "#ffd92f", stroke: "#333" });
      const el_ = v.eta * v.lam, r = radius(el_, v.beta);
      el(p.g, "circle", { cx: p.sx(Math.min(el_, X)), cy: p.sy(v.beta), r: 6, fill: "#fff", stroke: "#000", "stroke-width": 2 });
      const q = panel(svg, svg.id + "x", [0, 30, -1.5, 1.5], [400, 10, 210, 260],
        { x: [[0, "0"], [10, "10"], [20, "20"], [30, "30"]], y: [[-1, "−1"], [0, "0"], [1, "1"]], xname: "t", yname: "xₜ" });
      el(q.g, "line", { x1: q.sx(0), x2: q.sx(30), y1: q.sy(0), y2: q.sy(0), stroke: "#bbb" });
      line(q, iterates(v.eta, v.beta, v.lam, 30).map((x, t) => [t, x]), { stroke: "#1f77b4", "stroke-width": 2 });
      return [`ηλ = ${fmt(el_, 2)}, β = ${fmt(v.beta, 2)}: ${w.radius} ${fmt(r, 3)}, ${r < 1 ? w.converges : w.diverges} (${w.boundary} ηλ < 2 + 2β = ${fmt(2 + 2 * v.beta, 2)})`,
              w.best.replace("{eta}", fmt(be, 3)).replace("{beta}", fmt(bb, 3)).replace("{rate}", fmt(rate, 4))];
    },
  };

  function setup(root) {
    const cfg = JSON.parse(root.dataset.config), svg = root.querySelector("svg");
    const inputs = [...root.querySelectorAll("input[type=range]")];
    function update() {
      const v = {};
      for (const i of inputs) {
        v[i.name] = Number(i.value);
        root.querySelector(`output[for="${i.id}"]`).textContent = i.value;
      }
      svg.replaceChildren();
      const lines = draw[cfg.kind](svg, v, cfg.words, cfg);
      root.querySelector(".d2l-readout").replaceChildren(...lines.map(t => Object.assign(document.createElement("div"), { textContent: t })));
    }
    inputs.forEach(i => i.addEventListener("input", update));
    update();
  }
  window.d2lExplorers = {
    init() {
      document.querySelectorAll(".d2l-explorer:not([data-ready])").forEach(root => { root.dataset.ready = "1"; setup(root); });
    },
  };
  window.d2lExplorers.init();
})();
