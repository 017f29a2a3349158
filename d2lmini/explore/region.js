// The convergence-region explorer in the browser: mirrors region.py.
window.d2lExplorers.register("region", function (svg, v, w, cfg, width) {
  const Q = window.d2lExplorers, { fmt, el, panel, path, narrow, size } = Q.lib, q = Q.quadratic;
  const at = Q.regimes.mapAt(width), [left, top, mw, mh] = at;
  let right, legendAt, height;
  if (narrow(width)) {  // the iterates under the map, the legend under both
    right = [50, top + mh + 50, width - 66, 150];
    legendAt = [50, right[1] + 150 + 48];
    height = legendAt[1] + 16 + 14;
  } else {
    right = [left + mw + 100, top, width - 16 - (left + mw + 100), mh];
    legendAt = [50, 320]; height = 350;
  }
  const p = Q.regimes.map(svg, svg.id + "r", w, cfg, at, legendAt);
  const [be, bb, rate] = q.best(q.CURV[0], q.CURV[1]);
  for (const lam of q.CURV) el(p.g, "path", { d: `M${p.sx(be * lam).toFixed(1)},${(p.sy(bb) - 7).toFixed(1)}l2,5h5l-4,3l2,6l-5,-4l-5,4l2,-6l-4,-3h5z`, fill: "#ffd92f", stroke: "#333" });
  const el_ = v.eta * v.lam, r = q.radius(el_, v.beta);
  Q.regimes.marker(p, el_, v.beta);
  const x = panel(svg, svg.id + "x", [0, 30, -1.5, 1.5], right,
    { x: [[0, "0"], [10, "10"], [20, "20"], [30, "30"]], y: [[-1, "−1"], [0, "0"], [1, "1"]], xname: "t", yname: "xₜ" });
  el(x.g, "line", { x1: x.sx(0), x2: x.sx(30), y1: x.sy(0), y2: x.sy(0), stroke: "#bbb" });
  path(x, q.iterates(v.eta, v.beta, v.lam, 30).map((y, t) => [t, y]), "#1f77b4", 2, 2, r >= 1 ? w.diverges : "");
  size(svg, width, height);
  const sub = (s, m) => s.replace(/\{(\w+)\}/g, (_, k) => m[k]);
  return [sub(w.point, { el: fmt(el_, 2), beta: fmt(v.beta, 2), r: fmt(r, 3), verdict: r < 1 ? w.converges : w.diverges, edge: fmt(2 + 2 * v.beta, 2) }),
          sub(w.best, { eta: fmt(be, 3), beta: fmt(bb, 3), rate: fmt(rate, 4) })];
});
