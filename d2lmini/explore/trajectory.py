"""The trajectory explorer: gradient descent and momentum on the example.

f(x) = 0.1 x1^2 + 2 x2^2 from (-5, -2), with sliders for the learning rate,
beta and the number of steps; the readout gives each direction's spectral
radius and verdict. ``trajectory.js`` is its browser version.
"""

from __future__ import annotations

from d2lmini.explore import Slider
from d2lmini.explore import quadratic as q
from d2lmini.explore.svg import Panel, fmt, svg

CONTROLS = [Slider("eta", "η", 0.05, 0.8, 0.01, 0.6), Slider("beta", "β", 0.0, 0.95, 0.01, 0.5),
            Slider("steps", "steps", 1, 50, 1, 20)]
SCRIPTS = ("quadratic.js", "trajectory.js")
WORDS = {
    "en": {"title": "trajectory explorer", "gd": "gradient descent", "momentum": "momentum",
           "direction": "direction", "converges": "converges", "diverges": "does not converge",
           "steps": "steps"},
    "zh": {"title": "轨迹探索器", "gd": "梯度下降", "momentum": "动量法", "direction": "方向",
           "converges": "收敛", "diverges": "不收敛", "steps": "步数"},
}


def draw(v: dict, w: dict, cfg: dict) -> tuple[str, list[str]]:
    parts: list[str] = []
    p = Panel(parts, "tc", (-6, 2, -3, 3), (50, 10, 520, 300),
              {"x": [(-6, "−6"), (-4, "−4"), (-2, "−2"), (0, "0"), (2, "2")],
               "y": [(-2, "−2"), (0, "0"), (2, "2")], "xname": "x₁", "yname": "x₂"})
    q.contours(p)
    gd = q.trajectory(v["eta"], 0.0, v["steps"])
    mom = q.trajectory(v["eta"], v["beta"], v["steps"])
    p.line(gd, 'stroke="#ff7f0e" stroke-width="2"')
    p.line(mom, 'stroke="#1f77b4" stroke-width="2"')
    lines = [f"epoch {v['steps']} · {w['gd']}: x1: {fmt(gd[-1][0], 6)}, x2: {fmt(gd[-1][1], 6)}"
             f" · {w['momentum']}: x1: {fmt(mom[-1][0], 6)}, x2: {fmt(mom[-1][1], 6)}"]
    for i, lam in enumerate(q.CURVATURES):
        rg, rm = (q.spectral_radius(v["eta"] * lam, b) for b in (0.0, v["beta"]))
        lines.append(f"{w['direction']} x{i + 1} (λ = {lam:g}): {w['gd']} {fmt(rg, 3)} "
                     f"{w['converges'] if rg < 1 else w['diverges']}, {w['momentum']} "
                     f"{fmt(rm, 3)} {w['converges'] if rm < 1 else w['diverges']}")
    return svg(parts), lines
