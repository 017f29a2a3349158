"""The (eta*lambda, beta) map that two explorers share: radius, regimes, colour bar.

For one eigendirection of curvature lambda, momentum's iteration has the
characteristic polynomial mu^2 - (1 + beta - eta*lambda) mu + beta. Its two
roots are complex (ripples: under-damped) between the curves
eta*lambda = (1 - sqrt(beta))^2 and (1 + sqrt(beta))^2, where the
discriminant vanishes (critical damping); left of the first they are real and
positive (over-damped), right of the second real with the larger one negative
(real roots, but the sign flips every step: a zigzag), and past eta*lambda = 2 + 2 beta
the radius exceeds 1. ``regimes.js`` draws the same map in the browser; the
heat map itself is a PNG computed here once.
"""

from __future__ import annotations

import base64
import functools
import io
import math

from d2lmini.explore import quadratic as q
from d2lmini.explore.svg import TICK, Panel, legend, narrow, note, whole

X = 4.5  # the map's eta*lambda range is [0, X], its beta range [0, 1]
AT = (50, 10, 300, 260)  # where the map sits in a figure 620 wide (map_at: any width)
WORDS = {
    "en": {"over": "over-damped", "under": "under-damped", "flips": "sign flips",
           "diverge": "diverges", "critical": "critical damping ηλ = (1 ± √β)²",
           "stable": "stability limit ηλ = 2 + 2β", "rho": "ρ"},
    "zh": {"over": "过阻尼", "under": "欠阻尼", "flips": "交替变号", "diverge": "发散",
           "critical": "临界阻尼 ηλ = (1 ± √β)²", "stable": "稳定边界 ηλ = 2 + 2β",
           "rho": "ρ"},
}


def regime(eta_lambda: float, beta: float) -> str:
    """Which regime (eta*lambda, beta) is in: a key of WORDS or of a unit's words.

    >>> regime(0.1, 0.1), regime(1.0, 0.5), regime(1.8, 0.05), regime(3.5, 0.5)
    ('over', 'under', 'flips', 'diverge')
    """
    r = q.spectral_radius(eta_lambda, beta)
    if r > 1:
        return "diverge"
    if r == 1:
        return "stall"
    b = 1 + beta - eta_lambda
    disc = b * b - 4 * beta
    if disc < 0:
        return "under"
    if disc == 0:
        return "crit"
    return "over" if b > 0 else "flips"


def critical_curves(samples: int = 50) -> tuple[list, list]:
    """The curves eta*lambda = (1 - sqrt(beta))^2 and (1 + sqrt(beta))^2, beta in [0, 0.99].

    >>> lower, upper = critical_curves(2); lower[0], upper[0]   # at beta = 0: 1 and 1
    ((1.0, 0.0), (1.0, 0.0))
    """
    lower, upper = [], []
    for k in range(samples + 1):
        beta = 0.99 * k / samples
        s = math.sqrt(beta)
        lower.append(((1 - s) * (1 - s), beta))
        upper.append(((1 + s) * (1 + s), beta))
    return lower, upper


@functools.lru_cache(maxsize=1)
def radius_map_png() -> str:
    """The spectral radius over (eta*lambda, beta), as a PNG data URI."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib import colormaps

    el, beta = np.meshgrid(np.linspace(0, X, 180), np.linspace(0.99, 0, 100))
    rho = np.vectorize(q.spectral_radius)(el, beta)
    rgba = colormaps["viridis"](np.clip(rho, 0, 1))
    rgba[rho >= 1] = (0.85, 0.85, 0.85, 1)  # does not converge: grey
    buffer = io.BytesIO()
    plt.imsave(buffer, rgba, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@functools.lru_cache(maxsize=1)
def colour_stops() -> tuple[str, ...]:
    """The colour map at radius 0, 0.1, ..., 1, for the colour bar."""
    import matplotlib.colors as mc
    from matplotlib import colormaps

    return tuple(mc.to_hex(colormaps["viridis"](k / 10)) for k in range(11))


def config() -> dict:
    return {"map": radius_map_png(), "stops": list(colour_stops())}


def map_at(width: float) -> tuple[float, float, float, float]:
    """Where the map sits: (left, top, width, height), the colour bar beside it.

    A wide figure has the other panels to its right; a narrow one (a phone)
    gives the map its whole width and stacks the other panels under it.

    >>> map_at(640), map_at(358)
    ((50, 10, 302, 260), (50, 10, 248, 216))
    """
    if narrow(width):
        mw = width - 110
        return 50, 10, mw, whole(mw * 0.87)
    return 50, 10, whole((width - 60) * 0.52), 260


def draw_map(parts: list[str], cid: str, w: dict, cfg: dict, at: tuple = AT,
             legend_at: tuple = (50, 320)) -> Panel:
    """The heat map at ``at``, its curves, regime labels and colour bar, and the
    curves' legend at ``legend_at``; the map's Panel."""
    p = Panel(parts, cid, (0, X, 0, 1), at,
              {"x": [(t, str(t)) for t in range(5)], "y": [(0, "0"), (0.5, "0.5"), (1, "1")],
               "xname": "ηλ", "yname": "β"})
    p.add(f'<image href="{cfg["map"]}" x="{p.sx(0)}" y="{p.sy(1)}" '
          f'width="{p.sx(X) - p.sx(0)}" height="{p.sy(0) - p.sy(1)}" '
          f'preserveAspectRatio="none"/>')
    for curve in critical_curves():
        p.line(curve, 'stroke="#e7298a" stroke-width="1.5"')
    p.line([(2, 0), (4, 1)], 'stroke="#000" stroke-dasharray="5 4" stroke-width="1.5"')
    p.add(note(p.sx(0.9), p.sy(0.55), w["under"], TICK))
    p.add(note(p.sx(3.3), p.sy(0.3), w["diverge"], TICK))
    p.add(note(p.sx(0) + 13, p.sy(0.012), w["over"], TICK, rotate=True))
    p.add(note(p.sx(1.2), p.sy(0.012), w["flips"], TICK))
    left, top, width, height = at[0] + at[2] + 10, at[1], 10, at[3]
    gid = f"{cid}g"
    stops = "".join(f'<stop offset="{k / 10}" stop-color="{c}"/>'
                    for k, c in enumerate(cfg["stops"]))
    parts.append(f'<linearGradient id="{gid}" x1="0" x2="0" y1="1" y2="0">{stops}'
                 f'</linearGradient><rect x="{left}" y="{top}" width="{width}" '
                 f'height="{height}" fill="url(#{gid})" stroke="#888"/>')
    for v, text in ((0, "0"), (0.5, "0.5"), (1, "1")):
        y = top + height - v * height
        parts.append(f'<line x1="{left + width}" x2="{left + width + 3}" y1="{y}" y2="{y}" '
                     f'stroke="#333"/><text x="{left + width + 5}" y="{y + 4}" '
                     f'font-size="{TICK}">{text}</text>')
    parts.append(f'<text x="{left + width / 2}" y="{top + height + 14}" text-anchor="middle" '
                 f'font-size="{TICK}">{w["rho"]}</text>')
    legend(parts, *legend_at, [('stroke="#e7298a" stroke-width="1.5"', w["critical"]),
                               ('stroke="#000" stroke-dasharray="5 4"', w["stable"])])
    return p


def marker(p: Panel, el: float, beta: float) -> str:
    """The point (eta*lambda, beta), kept on the map (not clipped, so never half hidden)."""
    x = p.sx(min(max(el, 0.0), X))
    return (f'<circle cx="{x:.1f}" cy="{p.sy(beta):.1f}" r="6" fill="#fff" '
            f'stroke="#000" stroke-width="2"/>')
