// The noisy-gradient explorer in the browser: mirrors noise.py, operation for
// operation, so that its numbers are Python's to the last bit.
(function () {
  const RUNS = 16, STEPS = 200, SEED = 2024;
  const Q = window.d2lExplorers, q = Q.quadratic;
  let cached = null;
  function standardNoise() {  // xorshift32; the sum of four uniforms, near-normal
    if (cached) return cached;
    let state = SEED; const root3 = Math.sqrt(3), out = new Float64Array(RUNS * STEPS * 2);
    for (let k = 0; k < out.length; k++) {
      let total = 0;
      for (let j = 0; j < 4; j++) {
        state ^= state << 13; state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5; state >>>= 0;
        total += state / 4294967296;
      }
      out[k] = (total - 2) * root3;
    }
    return (cached = out);
  }
  function simulate(eta, beta, scale) {
    const noise = standardNoise(), mean = new Array(STEPS + 1).fill(0), path = [q.START.slice()];
    for (let r = 0; r < RUNS; r++) {
      let x1 = q.START[0], x2 = q.START[1], v1 = 0, v2 = 0;
      mean[0] += 0.1 * x1 * x1 + 2 * x2 * x2;
      for (let t = 0; t < STEPS; t++) {
        const k = 2 * (r * STEPS + t);
        v1 = beta * v1 + 0.2 * x1 + scale * noise[k];
        v2 = beta * v2 + 4 * x2 + scale * noise[k + 1];
        x1 = x1 - eta * v1; x2 = x2 - eta * v2;
        mean[t + 1] += 0.1 * x1 * x1 + 2 * x2 * x2;
        if (r === 0) path.push([x1, x2]);
      }
    }
    return [mean.map(m => m / RUNS), path];
  }
  function expectedLoss(eta, beta, s2) {
    const out = new Array(STEPS + 1).fill(0);
    for (let i = 0; i < 2; i++) {
      const lam = q.CURV[i], a = 1 - eta * lam, c = -eta * beta;
      let mv = 0, mx = q.START[i], cvv = 0, cvx = 0, cxx = 0;
      out[0] += lam / 2 * (mx * mx + cxx);
      for (let t = 0; t < STEPS; t++) {
        [mv, mx] = [beta * mv + lam * mx, c * mv + a * mx];
        [cvv, cvx, cxx] = [beta * beta * cvv + 2 * beta * lam * cvx + lam * lam * cxx + s2,
                           beta * c * cvv + (beta * a + lam * c) * cvx + lam * a * cxx - eta * s2,
                           c * c * cvv + 2 * c * a * cvx + a * a * cxx + eta * eta * s2];
        out[t + 1] += lam / 2 * (mx * mx + cxx);
      }
    }
    return out;
  }
  const variance = (eta, beta, lam, s2) => eta * s2 * (1 + beta) / (lam * (1 - beta) * (2 * (1 + beta) - eta * lam));
  function floor(eta, beta, s2) { let total = 0; for (const lam of q.CURV) total += lam / 2 * variance(eta, beta, lam, s2); return total; }
  function mean(xs) { let total = 0; for (const x of xs) total += x; return total / xs.length; }
  const sub = (s, r) => s.replace(/\{(\w+)\}/g, (_, k) => r[k]);

  function draw(svg, v, w, cfg, width) {
    const { fmt, el, panel, line, path, legend, narrow, size } = Q.lib;
    const eta = v.lock ? v.lr * (1 - v.beta) : v.lr, eff = eta / (1 - v.beta);
    const s2 = 1 / v.batch, scale = Math.sqrt(s2);
    let at, legendAt, lossAt, height, pw;
    if (narrow(width)) {  // the paths, their legend, then the loss, one under the other
      pw = width - 66;
      at = [50, 10, pw, Math.round(pw * 0.6)]; legendAt = [50, Math.round(pw * 0.6) + 58];
      lossAt = [50, legendAt[1] + 3 * 16 + 30, pw, 200];
      height = lossAt[1] + 200 + 40;
    } else {
      pw = Math.round((width - 146) / 2);
      at = [50, 10, pw, 180]; legendAt = [50, 240]; height = 350;
      lossAt = [width - 16 - pw, 10, pw, 270];
    }
    const p = panel(svg, svg.id + "t", [-6, 2, -3, 3], at,
      { x: [[-4, "−4"], [-2, "−2"], [0, "0"]], y: [[-2, "−2"], [0, "0"], [2, "2"]], xname: "x₁", yname: "x₂" });
    q.contours(p);
    const lo = -3, hi = 2, ticks = [];
    for (let k = lo; k <= hi; k++) ticks.push([k, `1e${k}`]);
    const L = panel(svg, svg.id + "l", [0, STEPS, lo, hi], lossAt,
      { x: [0, 100, 200].map(t => [t, String(t)]), y: ticks, xname: w.step, yname: w.loss });
    const a = Math.floor(STEPS / 2) + 1, z = STEPS;
    const lines = [sub(w.setting, { eta: fmt(eta, 4), beta: fmt(v.beta, 2), eff: fmt(eff, 3), b: v.batch, s2: fmt(s2, 3) })];
    const log = f => (f > 1e-12 ? Math.log10(f) : -12);
    let off = 0;  // a second note goes a line further in
    for (const [who, e, b, colour] of [[w.mom, eta, v.beta, "#1f77b4"], [w.sgd, eff, 0, "#ff7f0e"]]) {
      const [avg, run] = simulate(e, b, scale), exact = expectedLoss(e, b, s2);
      const rho = q.radius(e * q.CURV[1], b);
      path(p, run, colour, 1.5, 0, rho >= 1 ? w.gone : "", off);
      off += rho >= 1 ? 1 : 0;
      line(L, avg.map((f, t) => [t, log(f)]), { stroke: colour, "stroke-width": 2 });
      line(L, exact.map((f, t) => [t, log(f)]), { stroke: colour, "stroke-width": 1.5, "stroke-dasharray": "6 4" });
      if (rho >= 1) { lines.push(sub(w.diverges, { who, r: fmt(rho, 3) })); continue; }
      const fl = floor(e, b, s2);
      el(L.g, "line", { x1: L.sx(0), x2: L.sx(STEPS), y1: L.sy(log(fl)), y2: L.sy(log(fl)), stroke: colour, "stroke-dasharray": "1 3" });
      lines.push(sub(w.floor, { who, floor: fmt(fl, 4), a, z, e: fmt(mean(exact.slice(a)), 4), m: fmt(mean(avg.slice(a)), 4) }));
    }
    legend(svg, legendAt[0], legendAt[1], [[{ stroke: "#1f77b4", "stroke-width": 2 }, w.mom], [{ stroke: "#ff7f0e", "stroke-width": 2 }, w.sgd],
                          [{ stroke: "#555", "stroke-width": 2 }, w.runs], [{ stroke: "#555", "stroke-dasharray": "6 4" }, w.exact]]);
    size(svg, width, height);
    return lines;
  }
  draw.labels = (v, w) => ({ lr: v.lock ? w.eff : w.eta });
  Q.register("noise", draw);
})();
