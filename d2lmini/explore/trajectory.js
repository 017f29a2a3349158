// The trajectory explorer in the browser: mirrors trajectory.py.
window.d2lExplorers.register("trajectory", function (svg, v, w, cfg, width) {
  const { fmt, el, panel, path, legend, narrow, size } = window.d2lExplorers.lib, q = window.d2lExplorers.quadratic;
  const pw = width - 66, wide = !narrow(width), ph = wide ? 300 : Math.round(pw * 0.62);
  const p = panel(svg, svg.id + "c", [-6, 2, -3, 3], [50, 10, pw, ph],
    { x: [[-6, "−6"], [-4, "−4"], [-2, "−2"], [0, "0"], [2, "2"]], y: [[-2, "−2"], [0, "0"], [2, "2"]], xname: "x₁", yname: "x₂" });
  q.contours(p);
  const gd = q.trajectory(v.gd_eta, 0, v.steps), mom = q.trajectory(v.eta, v.beta, v.steps);
  const radii = { gd: q.CURV.map(l => q.radius(v.gd_eta * l, 0)), mom: q.CURV.map(l => q.radius(v.eta * l, v.beta)) };
  let off = 0;  // a second note goes a line further in
  for (const [name, pts, colour] of [["gd", gd, "#ff7f0e"], ["mom", mom, "#1f77b4"]]) {
    const diverges = Math.max(...radii[name]) >= 1;
    path(p, pts, colour, 2, 2.5, diverges ? w.diverges : "", off);
    off += diverges ? 1 : 0;
  }
  const sub = (s, r) => s.replace(/\{(\w+)\}/g, (_, k) => r[k]);
  const entries = [[{ stroke: "#ff7f0e", "stroke-width": 2 }, sub(w.gd_at, { eta: fmt(v.gd_eta, 2) })],
                   [{ stroke: "#1f77b4", "stroke-width": 2 }, sub(w.mom_at, { eta: fmt(v.eta, 2), beta: fmt(v.beta, 2) })]];
  let height;
  if (wide) {
    const x = 50 + pw - 226, y = 10 + ph - 48;
    el(svg, "rect", { x, y, width: 224, height: 44, fill: "#fff", "fill-opacity": 0.85 });
    legend(svg, x + 6, y + 10, entries);
    height = 350;
  } else {
    legend(svg, 50, ph + 58, entries);
    height = ph + 84;
  }
  size(svg, width, height);
  const verdict = r => (r < 1 ? w.converges : w.diverges);
  const rows = [0, 1].map(i => {
    const rg = radii.gd[i], rm = radii.mom[i];
    return sub(w.dir, { direction: w.direction, i: i + 1, lam: String(q.CURV[i]), gd: w.gd, mom: w.momentum,
                        rg: sub(w.rho, { r: fmt(rg, 3) }), vg: verdict(rg), rm: sub(w.rho, { r: fmt(rm, 3) }), vm: verdict(rm) });
  });
  const a = gd[gd.length - 1], b = mom[mom.length - 1];
  return [sub(w.now, { t: v.steps, gd: w.gd, mom: w.momentum, a1: fmt(a[0], 6), a2: fmt(a[1], 6), b1: fmt(b[0], 6), b2: fmt(b[1], 6) }), ...rows];
});
