"""The trajectory explorer: gradient descent and momentum on the example.

f(x) = 0.1 x1^2 + 2 x2^2 from (-5, -2), with sliders for momentum's learning
rate, beta, the number of steps and gradient descent's own learning rate (by
default 0.4, stable for it: gradient descent needs eta < 2/4 here, momentum
eta < (2 + 2 beta)/4), so that each method runs at a rate of its own. Dots
mark the steps. The readout gives each direction's spectral radius and
verdict. ``trajectory.js`` is its browser version.
"""

from __future__ import annotations

from d2lmini.explore import Slider
from d2lmini.explore import quadratic as q
from d2lmini.explore.svg import WIDTH, Panel, fmt, legend, narrow, svg, whole

CONTROLS = [Slider("eta", "η", 0.05, 0.8, 0.01, 0.6), Slider("beta", "β", 0.0, 0.95, 0.01, 0.5),
            Slider("steps", "steps", 1, 50, 1, 20), Slider("gd_eta", "gd_eta", 0.05, 0.8, 0.01, 0.4)]
SCRIPTS = ("quadratic.js", "trajectory.js")
WORDS = {
    "en": {"title": "trajectory explorer", "gd": "gradient descent", "momentum": "momentum",
           "direction": "direction", "converges": "converges", "diverges": "does not converge",
           "steps": "steps", "gd_eta": "η of gradient descent",
           "now": "step {t} · {gd}: x1: {a1}, x2: {a2} · {mom}: x1: {b1}, x2: {b2}",
           "dir": "{direction} x{i} (λ = {lam}): {gd} {rg} {vg}, {mom} {rm} {vm}",
           "gd_at": "gradient descent (η = {eta})", "mom_at": "momentum (η = {eta}, β = {beta})",
           "rho": "spectral radius {r}"},
    "zh": {"title": "轨迹探索器", "gd": "梯度下降", "momentum": "动量法", "direction": "方向",
           "converges": "收敛", "diverges": "不收敛", "steps": "步数",
           "gd_eta": "梯度下降的 η",
           "now": "第 {t} 步 · {gd}：x1 = {a1}，x2 = {a2} · {mom}：x1 = {b1}，x2 = {b2}",
           "dir": "x{i} {direction}（λ = {lam}）：{gd}的{rg}（{vg}），{mom}的{rm}（{vm}）",
           "gd_at": "梯度下降（η = {eta}）", "mom_at": "动量法（η = {eta}，β = {beta}）",
           "rho": "谱半径 {r}"},
}


def draw(v: dict, w: dict, cfg: dict, width: float = WIDTH) -> tuple[str, list[str]]:
    parts: list[str] = []
    pw, wide = width - 66, not narrow(width)
    ph = 300 if wide else whole(pw * 0.62)  # on a phone the legend goes under the plot
    p = Panel(parts, "tc", (-6, 2, -3, 3), (50, 10, pw, ph),
              {"x": [(-6, "−6"), (-4, "−4"), (-2, "−2"), (0, "0"), (2, "2")],
               "y": [(-2, "−2"), (0, "0"), (2, "2")], "xname": "x₁", "yname": "x₂"})
    q.contours(p)
    gd = q.trajectory(v["gd_eta"], 0.0, v["steps"])
    mom = q.trajectory(v["eta"], v["beta"], v["steps"])
    radii = {name: [q.spectral_radius(eta * lam, beta) for lam in q.CURVATURES]
             for name, eta, beta in (("gd", v["gd_eta"], 0.0), ("mom", v["eta"], v["beta"]))}
    off = 0  # a second note goes a line further in
    for name, path, colour in (("gd", gd, "#ff7f0e"), ("mom", mom, "#1f77b4")):
        diverges = max(radii[name]) >= 1
        p.path(path, colour, 2, 2.5, w["diverges"] if diverges else "", off)
        off += diverges
    entries = [('stroke="#ff7f0e" stroke-width="2"', w["gd_at"].format(eta=fmt(v["gd_eta"], 2))),
               ('stroke="#1f77b4" stroke-width="2"',
                w["mom_at"].format(eta=fmt(v["eta"], 2), beta=fmt(v["beta"], 2)))]
    if wide:
        x, y = 50 + pw - 226, 10 + ph - 48
        parts.append(f'<rect x="{x}" y="{y}" width="224" height="44" fill="#fff" '
                     f'fill-opacity="0.85"/>')
        legend(parts, x + 6, y + 10, entries)
        height = 350
    else:
        legend(parts, 50, ph + 58, entries)
        height = ph + 84
    lines = [w["now"].format(t=v["steps"], gd=w["gd"], mom=w["momentum"],
                             a1=fmt(gd[-1][0], 6), a2=fmt(gd[-1][1], 6),
                             b1=fmt(mom[-1][0], 6), b2=fmt(mom[-1][1], 6))]
    verdict = lambda r: w["converges"] if r < 1 else w["diverges"]  # noqa: E731
    for i, lam in enumerate(q.CURVATURES):
        rg, rm = radii["gd"][i], radii["mom"][i]
        lines.append(w["dir"].format(direction=w["direction"], i=i + 1, lam=f"{lam:g}",
                                     gd=w["gd"], mom=w["momentum"],
                                     rg=w["rho"].format(r=fmt(rg, 3)), vg=verdict(rg),
                                     rm=w["rho"].format(r=fmt(rm, 3)), vm=verdict(rm)))
    return svg(parts, width, height), lines
