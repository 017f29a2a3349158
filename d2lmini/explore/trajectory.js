// The trajectory explorer in the browser: mirrors trajectory.py.
window.d2lExplorers.register("trajectory", function (svg, v, w) {
  const { fmt, panel, line } = window.d2lExplorers.lib, q = window.d2lExplorers.quadratic;
  const p = panel(svg, svg.id + "c", [-6, 2, -3, 3], [50, 10, 520, 300],
    { x: [[-6, "−6"], [-4, "−4"], [-2, "−2"], [0, "0"], [2, "2"]], y: [[-2, "−2"], [0, "0"], [2, "2"]], xname: "x₁", yname: "x₂" });
  q.contours(p);
  const gd = q.trajectory(v.eta, 0, v.steps), mom = q.trajectory(v.eta, v.beta, v.steps);
  line(p, gd, { stroke: "#ff7f0e", "stroke-width": 2 });
  line(p, mom, { stroke: "#1f77b4", "stroke-width": 2 });
  const rows = [0, 1].map(i => {
    const rg = q.radius(v.eta * q.CURV[i], 0), rm = q.radius(v.eta * q.CURV[i], v.beta);
    return `${w.direction} x${i + 1} (λ = ${q.CURV[i]}): ${w.gd} ${fmt(rg, 3)} ${rg < 1 ? w.converges : w.diverges}, ${w.momentum} ${fmt(rm, 3)} ${rm < 1 ? w.converges : w.diverges}`;
  });
  const a = gd[gd.length - 1], b = mom[mom.length - 1];
  return [`epoch ${v.steps} · ${w.gd}: x1: ${fmt(a[0], 6)}, x2: ${fmt(a[1], 6)} · ${w.momentum}: x1: ${fmt(b[0], 6)}, x2: ${fmt(b[1], 6)}`, ...rows];
});
