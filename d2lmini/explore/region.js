// The convergence-region explorer in the browser: mirrors region.py.
window.d2lExplorers.register("region", function (svg, v, w, cfg) {
  const { fmt, el, panel, line } = window.d2lExplorers.lib, q = window.d2lExplorers.quadratic;
  const X = 4.5, p = panel(svg, svg.id + "r", [0, X, 0, 1], [50, 10, 300, 260],
    { x: [[0, "0"], [1, "1"], [2, "2"], [3, "3"], [4, "4"]], y: [[0, "0"], [0.5, "0.5"], [1, "1"]], xname: "ηλ", yname: "β" });
  el(p.g, "image", { href: cfg.map, x: p.sx(0), y: p.sy(1), width: p.sx(X) - p.sx(0), height: p.sy(0) - p.sy(1), preserveAspectRatio: "none" });
  line(p, [[2, 0], [4, 1]], { stroke: "#000", "stroke-dasharray": "5 4", "stroke-width": 1.5 });
  const [be, bb, rate] = q.best(q.CURV[0], q.CURV[1]);
  for (const lam of q.CURV) el(p.g, "path", { d: `M${p.sx(be * lam)},${p.sy(bb) - 7}l2,5h5l-4,3l2,6l-5,-4l-5,4l2,-6l-4,-3h5z`, fill: "#ffd92f", stroke: "#333" });
  const el_ = v.eta * v.lam, r = q.radius(el_, v.beta);
  el(p.g, "circle", { cx: p.sx(Math.min(el_, X)), cy: p.sy(v.beta), r: 6, fill: "#fff", stroke: "#000", "stroke-width": 2 });
  const x = panel(svg, svg.id + "x", [0, 30, -1.5, 1.5], [400, 10, 210, 260],
    { x: [[0, "0"], [10, "10"], [20, "20"], [30, "30"]], y: [[-1, "−1"], [0, "0"], [1, "1"]], xname: "t", yname: "xₜ" });
  el(x.g, "line", { x1: x.sx(0), x2: x.sx(30), y1: x.sy(0), y2: x.sy(0), stroke: "#bbb" });
  line(x, q.iterates(v.eta, v.beta, v.lam, 30).map((y, t) => [t, y]), { stroke: "#1f77b4", "stroke-width": 2 });
  return [`ηλ = ${fmt(el_, 2)}, β = ${fmt(v.beta, 2)}: ${w.radius} ${fmt(r, 3)}, ${r < 1 ? w.converges : w.diverges} (${w.boundary} ηλ < 2 + 2β = ${fmt(2 + 2 * v.beta, 2)})`,
          w.best.replace("{eta}", fmt(be, 3)).replace("{beta}", fmt(bb, 3)).replace("{rate}", fmt(rate, 4))];
});
