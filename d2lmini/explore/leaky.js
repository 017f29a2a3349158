// The leaky-average explorer in the browser: mirrors leaky.py.
window.d2lExplorers.register("leaky", function (svg, v, w, cfg, width) {
  const { fmt, el, panel, line, legend, narrow, size } = window.d2lExplorers.lib;
  const power = (b, n) => { let out = 1; for (let k = 0; k < n; k++) out *= b; return out; };
  const TURN = 50, beta = v.beta, t = v.steps, g = cfg.gradients, n = g.length;
  const means = g.map((_, s) => (s + 1 <= TURN ? 1 : -1));
  let acc = 0; const vel = g.map(x => (acc = beta * acc + x));
  const level = means.map(m => m / (1 - beta)), top = Math.max(1.3 / (1 - beta), 2.2);
  const pw = width - 76, wide = !narrow(width), th = wide ? 175 : 150;
  const p = panel(svg, svg.id + "s", [0.5, n + 0.5, -top, top], [60, 10, pw, th],
    { y: [[-top, fmt(-top, 1)], [0, "0"], [top, fmt(top, 1)]] });
  el(p.g, "line", { x1: p.sx(0.5), x2: p.sx(n + 0.5), y1: p.sy(0), y2: p.sy(0), stroke: "#bbb" });
  line(p, g.map((x, s) => [s + 1, x]), { stroke: "#999" });
  line(p, level.map((x, s) => [s + 1, x]), { stroke: "#d62728", "stroke-dasharray": "5 4" });
  line(p, vel.slice(0, t).map((x, s) => [s + 1, x]), { stroke: "#1f77b4", "stroke-width": 2.5 });
  el(p.g, "line", { x1: p.sx(t), x2: p.sx(t), y1: p.sy(-top), y2: p.sy(top), stroke: "#333", "stroke-dasharray": "2 3" });
  const bt = 10 + th + 30;
  const b = panel(svg, svg.id + "b", [0.5, n + 0.5, 0, 1.05], [60, bt, pw, 90],
    { x: [1, 25, 50, 75, 100].map(s => [s, String(s)]), y: [[0, "0"], [1, "1"]], xname: w.s, yname: w.weight });
  for (let s = 1; s <= t; s++) {
    const weight = power(beta, t - s);
    el(b.g, "rect", { x: b.sx(s - 0.4), y: b.sy(weight), width: b.sx(0.8) - b.sx(0), height: b.sy(0) - b.sy(weight), fill: "#1f77b4" });
  }
  const win = 1 / (1 - beta), edge = t + 1 - win;
  el(b.g, "line", { x1: b.sx(edge), x2: b.sx(edge), y1: b.sy(0), y2: b.sy(1.05), stroke: "#d62728", "stroke-dasharray": "4 3" });
  const entries = [[{ stroke: "#999" }, w.g], [{ stroke: "#1f77b4", "stroke-width": 2.5 }, w.v],
                   [{ stroke: "#d62728", "stroke-dasharray": "5 4" }, w.level]];
  if (wide) { legend(svg, 70, th - 50, entries); size(svg, width, 350); }
  else { legend(svg, 60, bt + 90 + 48, entries); size(svg, width, bt + 90 + 48 + 32 + 10); }
  const vari = (1 - power(beta, 2 * t)) / (1 - beta * beta), avg = (1 - beta) * (1 - beta) * vari;
  const sub = (s, r) => s.replace(/\{(\w+)\}/g, (_, k) => r[k]);
  return [sub(w.window, { w: fmt(win, 2), t: t, s: fmt((1 - power(beta, t)) / (1 - beta), 3) }),
          sub(w.now, { t: t, v: fmt(vel[t - 1], 3), m: fmt((1 - beta) * vel[t - 1], 3), g: fmt(means[t - 1], 2) }),
          sub(w.noise, { a: fmt(vari, 3), b: fmt(avg, 3), n: fmt(1 / avg, 1) })];
});
