// The convergence-region explorer in the browser: mirrors region.py.
window.d2lExplorers.register("region", function (svg, v, w, cfg) {
  const Q = window.d2lExplorers, { fmt, el, panel, line, dots } = Q.lib, q = Q.quadratic;
  const p = Q.regimes.map(svg, svg.id + "r", w, cfg);
  const [be, bb, rate] = q.best(q.CURV[0], q.CURV[1]);
  for (const lam of q.CURV) el(p.g, "path", { d: `M${p.sx(be * lam).toFixed(1)},${(p.sy(bb) - 7).toFixed(1)}l2,5h5l-4,3l2,6l-5,-4l-5,4l2,-6l-4,-3h5z`, fill: "#ffd92f", stroke: "#333" });
  const el_ = v.eta * v.lam, r = q.radius(el_, v.beta);
  Q.regimes.marker(p, el_, v.beta);
  const x = panel(svg, svg.id + "x", [0, 30, -1.5, 1.5], [450, 10, 160, 260],
    { x: [[0, "0"], [10, "10"], [20, "20"], [30, "30"]], y: [[-1, "−1"], [0, "0"], [1, "1"]], xname: "t", yname: "xₜ" });
  el(x.g, "line", { x1: x.sx(0), x2: x.sx(30), y1: x.sy(0), y2: x.sy(0), stroke: "#bbb" });
  const xs = q.iterates(v.eta, v.beta, v.lam, 30).map((y, t) => [t, y]);
  line(x, xs, { stroke: "#1f77b4", "stroke-width": 2 });
  dots(x, xs, "#1f77b4");
  const sub = (s, m) => s.replace(/\{(\w+)\}/g, (_, k) => m[k]);
  return [sub(w.point, { el: fmt(el_, 2), beta: fmt(v.beta, 2), r: fmt(r, 3), verdict: r < 1 ? w.converges : w.diverges, edge: fmt(2 + 2 * v.beta, 2) }),
          sub(w.best, { eta: fmt(be, 3), beta: fmt(bb, 3), rate: fmt(rate, 4) })];
});
