"""The damping explorer: where on the (eta*lambda, beta) map momentum ripples.

Left, the map of the spectral radius with its regimes (``regimes.py``): a
point set by the sliders eta*lambda and beta. Right, that point's scalar
iterates x_t from x0 = 1 at rest, 30 steps, with the envelope +-rho^t, and its
phase portrait: x_t against the step x_t - x_(t-1) = -eta v_t (the book's
velocity v_t = beta v_(t-1) + lambda x_(t-1), scaled by eta so that both
axes are in units of x). The readout names the regime, gives both
eigenvalues, the radius, the beta of critical damping for this eta*lambda
and the two eta*lambda of critical damping for this beta. Only eta*lambda matters, so the iteration is written in
u = eta v: u_t = beta u_(t-1) + eta*lambda x_(t-1), x_t = x_(t-1) - u_t.
``damping.js`` is its browser version.
"""

from __future__ import annotations

import math

from d2lmini.explore import Slider
from d2lmini.explore import quadratic as q
from d2lmini.explore import regimes
from d2lmini.explore.svg import WIDTH, Panel, fmt, narrow, svg

STEPS = 30
CONTROLS = [Slider("el", "ηλ", 0.0, regimes.X, 0.01, 0.5),
            Slider("beta", "β", 0.0, 0.99, 0.01, 0.5)]
SCRIPTS = ("quadratic.js", "regimes.js", "damping.js")
WORDS = {
    "en": {**regimes.WORDS["en"], "title": "damping explorer", "crit": "critically damped",
           "stall": "does not converge (ρ = 1)", "flips_long": "zigzag (real roots, sign flips every step)",
           "step": "step −ηvₜ",
           "point": "ηλ = {el}, β = {beta}: {regime}; spectral radius ρ = {r}",
           "real": "eigenvalues μ₁ = {a}, μ₂ = {b} (real)",
           "complex": "eigenvalues μ = {re} ± {im}i, modulus √β = {m}",
           "critical_at": "critical damping at ηλ = {el}: β = (1 − √(ηλ))² = {b}",
           "no_critical": "critical damping at ηλ = {el}: none with β < 1 (that needs 0 < ηλ < 4)",
           "critical_el": "critical damping at β = {beta}: ηλ = (1 − √β)² = {a} or (1 + √β)² = {b}"},
    "zh": {**regimes.WORDS["zh"], "title": "阻尼探索器", "crit": "临界阻尼",
           "stall": "不收敛（ρ = 1）", "flips_long": "之字形（实根，每步交替变号）",
           "step": "步长 −ηvₜ",
           "point": "ηλ = {el}，β = {beta}：{regime}；谱半径 ρ = {r}",
           "real": "特征值 μ₁ = {a}，μ₂ = {b}（实数）",
           "complex": "特征值 μ = {re} ± {im}i，模 √β = {m}",
           "critical_at": "ηλ = {el} 时的临界阻尼：β = (1 − √(ηλ))² = {b}",
           "no_critical": "ηλ = {el} 时的临界阻尼：没有 β < 1 的解（需要 0 < ηλ < 4）",
           "critical_el": "β = {beta} 时的临界阻尼：ηλ = (1 − √β)² = {a} 或 (1 + √β)² = {b}"},
}


def config() -> dict:
    return regimes.config()


def eigenvalues(el: float, beta: float) -> tuple[float, float, float]:
    """(re, im, disc): the roots re +- im (real, disc >= 0) or re +- im i (complex).

    >>> eigenvalues(0.25, 0.25)   # critical damping: a double root 1/2
    (0.5, 0.0, 0.0)
    """
    b = 1 + beta - el
    disc = b * b - 4 * beta
    return b / 2, math.sqrt(abs(disc)) / 2, disc


def critical_beta(el: float) -> float:
    """The beta at which the two roots meet for this eta*lambda: (1 - sqrt(eta*lambda))^2.

    >>> critical_beta(0.25), critical_beta(2.25)   # below 1 and past 1: both 1/4
    (0.25, 0.25)
    """
    s = 1 - math.sqrt(el)
    return s * s


def iterates(el: float, beta: float, steps: int = STEPS) -> list[tuple[float, float]]:
    """(x_t, -u_t) for t = 0..steps from x0 = 1, u0 = 0, with u = eta v.

    >>> iterates(1.0, 0.5, 2)   # eta*lambda = 1: the first step lands on 0
    [(1.0, 0.0), (0.0, -1.0), (-0.5, -0.5)]
    """
    x, u, out = 1.0, 0.0, [(1.0, 0.0)]
    for _ in range(steps):
        u = beta * u + el * x
        x = x - u
        out.append((x, -u))
    return out


def draw(v: dict, w: dict, cfg: dict, width: float = WIDTH) -> tuple[str, list[str]]:
    el, beta = v["el"], v["beta"]
    parts: list[str] = []
    at = regimes.map_at(width)
    left, top, mw, mh = at
    if narrow(width):  # the map, then the iterates, the phase portrait and the legend under it
        first = (50, top + mh + 50, width - 66, 120)
        second = (50, first[1] + 120 + 46, width - 66, 120)
        legend_at = (50, second[1] + 120 + 48)
        height = legend_at[1] + 16 + 14
    else:
        x = left + mw + 100
        first, second = (x, 10, width - 16 - x, 110), (x, 180, width - 16 - x, 110)
        legend_at, height = (50, 320), 350
    p = regimes.draw_map(parts, "dm", w, cfg, at, legend_at)
    parts.append(regimes.marker(p, el, beta))
    r = q.spectral_radius(el, beta)
    points = iterates(el, beta)
    box = (0, STEPS, -1.5, 1.5)
    t = Panel(parts, "dt", box, first,
              {"x": [(s, str(s)) for s in (0, 10, 20, 30)],
               "y": [(-1, "−1"), (0, "0"), (1, "1")], "xname": "t", "yname": "xₜ"})
    t.add(f'<line x1="{t.sx(0)}" x2="{t.sx(STEPS)}" y1="{t.sy(0)}" y2="{t.sy(0)}" stroke="#bbb"/>')
    envelope, power = [], 1.0
    for s in range(STEPS + 1):
        envelope.append((s, power))
        power = power * r
    for sign in (1, -1):
        t.line([(s, sign * e) for s, e in envelope], 'stroke="#999" stroke-dasharray="3 3"')
    off = w["diverge"] if r > 1 else ""  # a diverging run stops where it leaves the panel
    t.path([(s, x) for s, (x, _) in enumerate(points)], "#1f77b4", 1.5, diverges=off)
    f = Panel(parts, "df", (-1.5, 1.5, -1.5, 1.5), second,
              {"x": [(-1, "−1"), (0, "0"), (1, "1")], "y": [(-1, "−1"), (0, "0"), (1, "1")],
               "xname": "xₜ", "yname": w["step"]})
    f.add(f'<line x1="{f.sx(-1.5)}" x2="{f.sx(1.5)}" y1="{f.sy(0)}" y2="{f.sy(0)}" stroke="#bbb"/>'
          f'<line x1="{f.sx(0)}" x2="{f.sx(0)}" y1="{f.sy(-1.5)}" y2="{f.sy(1.5)}" stroke="#bbb"/>')
    f.path(points, "#1f77b4", 1.5, diverges=off)
    names = {**w, "flips": w["flips_long"], "diverge": w["diverge"]}
    lines = [w["point"].format(el=fmt(el, 2), beta=fmt(beta, 2),
                               regime=names[regimes.regime(el, beta)], r=fmt(r, 4))]
    re, im, disc = eigenvalues(el, beta)
    if disc < 0:
        lines.append(w["complex"].format(re=fmt(re, 4), im=fmt(im, 4), m=fmt(math.sqrt(beta), 4)))
    else:
        lines.append(w["real"].format(a=fmt(re + im, 4), b=fmt(re - im, 4)))
    crit = critical_beta(el)
    lines.append((w["critical_at"] if crit < 1 else w["no_critical"]).format(
        el=fmt(el, 2), b=fmt(crit, 4)))
    s = math.sqrt(beta)
    lines.append(w["critical_el"].format(beta=fmt(beta, 2), a=fmt((1 - s) * (1 - s), 4),
                                         b=fmt((1 + s) * (1 + s), 4)))
    return svg(parts, width, height), lines
