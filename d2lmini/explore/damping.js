// The damping explorer in the browser: mirrors damping.py operation for operation.
window.d2lExplorers.register("damping", function (svg, v, w, cfg, width) {
  const Q = window.d2lExplorers, { fmt, el, panel, line, path, narrow, size } = Q.lib, q = Q.quadratic, R = Q.regimes;
  const STEPS = 30, e = v.el, beta = v.beta;
  const at = R.mapAt(width), [left, top, mw, mh] = at;
  let first, second, legendAt, height;
  if (narrow(width)) {  // the map, then the iterates, the phase portrait and the legend under it
    first = [50, top + mh + 50, width - 66, 120];
    second = [50, first[1] + 120 + 46, width - 66, 120];
    legendAt = [50, second[1] + 120 + 48];
    height = legendAt[1] + 16 + 14;
  } else {
    const x = left + mw + 100;
    first = [x, 10, width - 16 - x, 110]; second = [x, 180, width - 16 - x, 110];
    legendAt = [50, 320]; height = 350;
  }
  const p = R.map(svg, svg.id + "m", w, cfg, at, legendAt);
  R.marker(p, e, beta);
  const r = q.radius(e, beta);
  let x = 1, u = 0; const pts = [[1, 0]];
  for (let s = 0; s < STEPS; s++) { u = beta * u + e * x; x = x - u; pts.push([x, -u]); }
  const t = panel(svg, svg.id + "t", [0, STEPS, -1.5, 1.5], first,
    { x: [0, 10, 20, 30].map(s => [s, String(s)]), y: [[-1, "−1"], [0, "0"], [1, "1"]], xname: "t", yname: "xₜ" });
  el(t.g, "line", { x1: t.sx(0), x2: t.sx(STEPS), y1: t.sy(0), y2: t.sy(0), stroke: "#bbb" });
  const env = []; let power = 1;
  for (let s = 0; s <= STEPS; s++) { env.push([s, power]); power = power * r; }
  for (const sign of [1, -1]) line(t, env.map(([s, a]) => [s, sign * a]), { stroke: "#999", "stroke-dasharray": "3 3" });
  const off = r > 1 ? w.diverge : "";  // a diverging run stops where it leaves the panel
  path(t, pts.map(([a], s) => [s, a]), "#1f77b4", 1.5, 2, off);
  const f = panel(svg, svg.id + "f", [-1.5, 1.5, -1.5, 1.5], second,
    { x: [[-1, "−1"], [0, "0"], [1, "1"]], y: [[-1, "−1"], [0, "0"], [1, "1"]], xname: "xₜ", yname: w.step });
  el(f.g, "line", { x1: f.sx(-1.5), x2: f.sx(1.5), y1: f.sy(0), y2: f.sy(0), stroke: "#bbb" });
  el(f.g, "line", { x1: f.sx(0), x2: f.sx(0), y1: f.sy(-1.5), y2: f.sy(1.5), stroke: "#bbb" });
  path(f, pts, "#1f77b4", 1.5, 2, off);
  size(svg, width, height);
  const sub = (s, m) => s.replace(/\{(\w+)\}/g, (_, k) => m[k]);
  const names = Object.assign({}, w, { flips: w.flips_long });
  const lines = [sub(w.point, { el: fmt(e, 2), beta: fmt(beta, 2), regime: names[R.regime(e, beta)], r: fmt(r, 4) })];
  const b = 1 + beta - e, disc = b * b - 4 * beta, re = b / 2, im = Math.sqrt(Math.abs(disc)) / 2;
  if (disc < 0) lines.push(sub(w.complex, { re: fmt(re, 4), im: fmt(im, 4), m: fmt(Math.sqrt(beta), 4) }));
  else lines.push(sub(w.real, { a: fmt(re + im, 4), b: fmt(re - im, 4) }));
  const c = 1 - Math.sqrt(e), crit = c * c;
  lines.push(sub(crit < 1 ? w.critical_at : w.no_critical, { el: fmt(e, 2), b: fmt(crit, 4) }));
  const s = Math.sqrt(beta);
  lines.push(sub(w.critical_el, { beta: fmt(beta, 2), a: fmt((1 - s) * (1 - s), 4), b: fmt((1 + s) * (1 + s), 4) }));
  return lines;
});
