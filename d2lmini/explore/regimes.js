// The (eta*lambda, beta) map in the browser: mirrors regimes.py mark for mark.
(function () {
  const Q = window.d2lExplorers;
  if (Q.regimes) return;
  const X = 4.5;
  function regime(el, beta) {
    const r = Q.quadratic.radius(el, beta);
    if (r > 1) return "diverge";
    if (r === 1) return "stall";
    const b = 1 + beta - el, disc = b * b - 4 * beta;
    if (disc < 0) return "under";
    if (disc === 0) return "crit";
    return b > 0 ? "over" : "flips";
  }
  function curves(samples = 50) {
    const lower = [], upper = [];
    for (let k = 0; k <= samples; k++) {
      const beta = 0.99 * k / samples, s = Math.sqrt(beta);
      lower.push([(1 - s) * (1 - s), beta]); upper.push([(1 + s) * (1 + s), beta]);
    }
    return [lower, upper];
  }
  // Where the map sits: the other panels beside it, or (narrow) under it.
  function mapAt(width) {
    if (Q.lib.narrow(width)) { const mw = width - 110; return [50, 10, mw, Math.round(mw * 0.87)]; }
    return [50, 10, Math.round((width - 60) * 0.52), 260];
  }
  function map(svg, id, w, cfg, at, legendAt) {
    const { el, note, panel, line, legend, TICK } = Q.lib;
    const p = panel(svg, id, [0, X, 0, 1], at,
      { x: [0, 1, 2, 3, 4].map(t => [t, String(t)]), y: [[0, "0"], [0.5, "0.5"], [1, "1"]], xname: "ηλ", yname: "β" });
    el(p.g, "image", { href: cfg.map, x: p.sx(0), y: p.sy(1), width: p.sx(X) - p.sx(0), height: p.sy(0) - p.sy(1), preserveAspectRatio: "none" });
    for (const c of curves()) line(p, c, { stroke: "#e7298a", "stroke-width": 1.5 });
    line(p, [[2, 0], [4, 1]], { stroke: "#000", "stroke-dasharray": "5 4", "stroke-width": 1.5 });
    note(p.g, p.sx(0.9), p.sy(0.55), w.under, TICK);
    note(p.g, p.sx(3.3), p.sy(0.3), w.diverge, TICK);
    note(p.g, p.sx(0) + 13, p.sy(0.012), w.over, TICK, "start", "#000", true);
    note(p.g, p.sx(1.2), p.sy(0.012), w.flips, TICK);
    const L = at[0] + at[2] + 10, T = at[1], W = 10, H = at[3], gid = id + "g";
    const grad = el(svg, "linearGradient", { id: gid, x1: 0, x2: 0, y1: 1, y2: 0 });
    cfg.stops.forEach((c, k) => el(grad, "stop", { offset: k / 10, "stop-color": c }));
    el(svg, "rect", { x: L, y: T, width: W, height: H, fill: `url(#${gid})`, stroke: "#888" });
    for (const [v, text] of [[0, "0"], [0.5, "0.5"], [1, "1"]]) {
      const y = T + H - v * H;
      el(svg, "line", { x1: L + W, x2: L + W + 3, y1: y, y2: y, stroke: "#333" });
      el(svg, "text", { x: L + W + 5, y: y + 4, "font-size": TICK }, text);
    }
    el(svg, "text", { x: L + W / 2, y: T + H + 14, "text-anchor": "middle", "font-size": TICK }, w.rho);
    legend(svg, legendAt[0], legendAt[1], [[{ stroke: "#e7298a", "stroke-width": 1.5 }, w.critical], [{ stroke: "#000", "stroke-dasharray": "5 4" }, w.stable]]);
    return p;
  }
  function marker(p, el_, beta) {
    Q.lib.el(p.g.parentNode, "circle", { cx: p.sx(Math.min(Math.max(el_, 0), X)), cy: p.sy(beta), r: 6, fill: "#fff", stroke: "#000", "stroke-width": 2 });
  }
  Q.regimes = { X, regime, mapAt, map, marker };
})();
