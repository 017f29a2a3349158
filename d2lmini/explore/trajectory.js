// The trajectory explorer in the browser: mirrors trajectory.py.
window.d2lExplorers.register("trajectory", function (svg, v, w) {
  const { fmt, panel, line, dots, legend } = window.d2lExplorers.lib, q = window.d2lExplorers.quadratic;
  const p = panel(svg, svg.id + "c", [-6, 2, -3, 3], [50, 10, 520, 300],
    { x: [[-6, "−6"], [-4, "−4"], [-2, "−2"], [0, "0"], [2, "2"]], y: [[-2, "−2"], [0, "0"], [2, "2"]], xname: "x₁", yname: "x₂" });
  q.contours(p);
  const gd = q.trajectory(v.gd_eta, 0, v.steps), mom = q.trajectory(v.eta, v.beta, v.steps);
  for (const [path, colour] of [[gd, "#ff7f0e"], [mom, "#1f77b4"]]) {
    line(p, path, { stroke: colour, "stroke-width": 2 });
    dots(p, path, colour, 2.5);
  }
  const sub = (s, r) => s.replace(/\{(\w+)\}/g, (_, k) => r[k]);
  window.d2lExplorers.lib.el(svg, "rect", { x: 344, y: 262, width: 224, height: 44, fill: "#fff", "fill-opacity": 0.85 });
  legend(svg, 350, 272, [[{ stroke: "#ff7f0e", "stroke-width": 2 }, sub(w.gd_at, { eta: fmt(v.gd_eta, 2) })],
                       [{ stroke: "#1f77b4", "stroke-width": 2 }, sub(w.mom_at, { eta: fmt(v.eta, 2), beta: fmt(v.beta, 2) })]]);
  const verdict = r => (r < 1 ? w.converges : w.diverges);
  const rows = [0, 1].map(i => {
    const rg = q.radius(v.gd_eta * q.CURV[i], 0), rm = q.radius(v.eta * q.CURV[i], v.beta);
    return sub(w.dir, { direction: w.direction, i: i + 1, lam: String(q.CURV[i]), gd: w.gd, mom: w.momentum,
                        rg: fmt(rg, 3), vg: verdict(rg), rm: fmt(rm, 3), vm: verdict(rm) });
  });
  const a = gd[gd.length - 1], b = mom[mom.length - 1];
  return [sub(w.now, { t: v.steps, gd: w.gd, mom: w.momentum, a1: fmt(a[0], 6), a2: fmt(a[1], 6), b1: fmt(b[0], 6), b2: fmt(b[1], 6) }), ...rows];
});
