// The convergence race in the browser: mirrors race.py operation for operation.
window.d2lExplorers.register("race", function (svg, v, w, cfg, width) {
  const { fmt, el, panel, line, legend, narrow, size, TICK } = window.d2lExplorers.lib;
  const CAP = 5000, LO = -12, HI = 3, NICE = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
  const COLOURS = { gd: "#ff7f0e", hb: "#1f77b4", nag: "#2ca02c" };
  let target = 1.0; for (let k = 0; k < v.digits; k++) target = target / 10;
  const shown = "10⁻" + String(v.digits).replace(/\d/g, d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d]);
  const kappa = cfg.kappas[Math.round(v.logk * 20)], curv = [1.0, kappa], f0 = (1.0 + kappa) / 2;
  const s = Math.sqrt(kappa), polyak = (s - 1) / (s + 1);
  const tunings = { gd: [2 / (kappa + 1), 0.0, false], hb: [4 / ((s + 1) * (s + 1)), polyak * polyak, false], nag: [1 / kappa, polyak, true] };
  function radius(b, c) {
    const disc = b * b - 4 * c;
    if (disc < 0) return Math.sqrt(c);
    const root = Math.sqrt(disc);
    return Math.max(Math.abs(b + root), Math.abs(b - root)) / 2;
  }
  function rate(eta, beta, nest) {
    let worst = 0;
    for (const lam of curv) {
      const a = 1 - eta * lam, b = nest ? (1 + beta) * a : 1 + beta - eta * lam, c = nest ? beta * a : beta;
      worst = Math.max(worst, radius(b, c));
    }
    return worst;
  }
  function run(eta, beta, nest, span) {
    const [l1, l2] = curv, first = [l1 / 2], second = [l2 / 2], limit = target * (first[0] + second[0]);
    let x1 = 1, x2 = 1, v1 = 0, v2 = 0, t = 0, need = null;
    while (t < CAP && (need === null || t < span)) {
      const g1 = nest ? l1 * (x1 - eta * beta * v1) : l1 * x1, g2 = nest ? l2 * (x2 - eta * beta * v2) : l2 * x2;
      v1 = beta * v1 + g1; v2 = beta * v2 + g2;
      x1 = x1 - eta * v1; x2 = x2 - eta * v2;
      first.push(l1 / 2 * x1 * x1); second.push(l2 / 2 * x2 * x2);
      t += 1;
      if (need === null && first[t] + second[t] < limit) need = t;
    }
    return [[first, second], need];
  }
  const sub = (str, m) => str.replace(/\{(\w+)\}/g, (_, k) => m[k]);
  const fast = Math.max(...["hb", "nag"].map(n => run(...tunings[n], 0)[1] || CAP));
  const span = NICE.find(x => x >= 1.5 * fast) || CAP;  // the momentum methods fill it
  const lines = [sub(w.kappa, { k: fmt(kappa, 1), s: fmt(Math.sqrt(kappa), 3) })], runs = {};
  for (const name of ["gd", "hb", "nag"]) {
    const [eta, beta, nest] = tunings[name];
    let n; [runs[name], n] = run(eta, beta, nest, span);
    lines.push(sub(w.row, { who: w[name], eta: fmt(eta, 5), beta: fmt(beta, 4), rate: fmt(rate(eta, beta, nest), 4), target: shown, n: n !== null ? String(n) : `> ${CAP}` }));
  }
  const ticks = []; for (let k = LO; k <= HI; k += 3) ticks.push([k, `1e${k}`]);
  const wide = !narrow(width), lx = width - 185;  // the legend: right of the plot, or under it on a phone
  const at = wide ? [60, 10, lx - 75, 290] : [60, 10, width - 76, 230];
  const p = panel(svg, svg.id + "l", [0, span, LO, HI], at,
    { x: [0, Math.floor(span / 2), span].map(t => [t, String(t)]), y: ticks, xname: w.step, yname: w.loss });
  const level = -v.digits;
  el(p.g, "line", { x1: p.sx(0), x2: p.sx(span), y1: p.sy(level), y2: p.sy(level), stroke: "#888", "stroke-dasharray": "1 3" });
  el(p.g, "text", { x: p.sx(span) - 4, y: p.sy(level) - 4, "text-anchor": "end", "font-size": TICK }, shown);
  const log = f => (f > 1e-300 ? Math.log10(f / f0) : -300);
  for (const name of ["gd", "hb", "nag"])
    runs[name].forEach((losses, i) => line(p, losses.slice(0, span + 1).map((f, t) => [t, log(f)]),
      Object.assign({ stroke: COLOURS[name], "stroke-width": 2 }, i ? { "stroke-dasharray": "6 4" } : {})));
  legend(svg, wide ? lx : 60, wide ? 30 : at[3] + 58, [...["gd", "hb", "nag"].map(n => [{ stroke: COLOURS[n], "stroke-width": 2 }, w[n]]),
                        [{ stroke: "#555", "stroke-width": 2 }, w.flat], [{ stroke: "#555", "stroke-width": 2, "stroke-dasharray": "6 4" }, w.steep]]);
  size(svg, width, wide ? 350 : at[3] + 58 + 4 * 16 + 14);
  return lines;
});
