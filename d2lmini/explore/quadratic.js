// Momentum on a quadratic, in the browser: mirrors quadratic.py line for line
// (the tests compare the two). Shared by the explorers that need it.
(function () {
  const Q = window.d2lExplorers;
  if (Q.quadratic) return;
  const CURV = [0.2, 4.0], START = [-5, -2];
  function trajectory(eta, beta, steps) {
    const x = START.slice(), v = [0, 0], pts = [x.slice()];
    for (let t = 0; t < steps; t++) {
      for (let i = 0; i < 2; i++) { v[i] = beta * v[i] + CURV[i] * x[i]; x[i] -= eta * v[i]; }
      pts.push(x.slice());
    }
    return pts;
  }
  function radius(el, beta) {
    const b = 1 + beta - el, disc = b * b - 4 * beta;
    if (disc < 0) return Math.sqrt(beta);
    const r = Math.sqrt(disc);
    return Math.max(Math.abs(b + r), Math.abs(b - r)) / 2;
  }
  function best(lmin, lmax) {
    const k = lmax / lmin, rate = (Math.sqrt(k) - 1) / (Math.sqrt(k) + 1);
    const s = Math.sqrt(lmax) + Math.sqrt(lmin);
    return [4 / (s * s), rate * rate, rate];
  }
  function iterates(eta, beta, lam, steps) {
    let x = 1, v = 0; const xs = [x];
    for (let t = 0; t < steps; t++) { v = beta * v + lam * x; x -= eta * v; xs.push(x); }
    return xs;
  }
  // The example's contour lines f = c, as ellipses in panel p.
  function contours(p) {
    for (const c of [0.5, 2, 5, 10, 20])
      Q.lib.el(p.g, "ellipse", { cx: p.sx(0), cy: p.sy(0), rx: p.sx(Math.sqrt(c / 0.1)) - p.sx(0), ry: p.sy(0) - p.sy(Math.sqrt(c / 2)), fill: "none", stroke: "#9ecae1" });
  }
  Q.quadratic = { CURV, START, trajectory, radius, best, iterates, contours };
})();
