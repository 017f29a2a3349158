"""The convergence-region explorer: the spectral radius over (eta*lambda, beta).

A heat map of the radius with the boundary eta*lambda = 2 + 2 beta, Polyak's
best (eta, beta) for the example's curvatures as stars, a point set by eta,
beta and lambda, and that point's scalar iterates. ``region.js`` is its
browser version; the heat map is a PNG computed here once.
"""

from __future__ import annotations

import base64
import functools
import io

from d2lmini.explore import Slider
from d2lmini.explore import quadratic as q
from d2lmini.explore.svg import Panel, fmt, svg

CONTROLS = [Slider("eta", "η", 0.01, 1.2, 0.01, 0.6), Slider("beta", "β", 0.0, 0.99, 0.01, 0.5),
            Slider("lam", "λ", 0.1, 5.0, 0.1, 4.0)]
SCRIPTS = ("quadratic.js", "region.js")
WORDS = {
    "en": {"title": "convergence-region explorer", "converges": "converges",
           "diverges": "does not converge", "radius": "spectral radius",
           "boundary": "converges iff",
           "best": "★ best for λ = 0.2, 4: η* = {eta}, β* = {beta}, rate {rate}"},
    "zh": {"title": "收敛区域探索器", "converges": "收敛", "diverges": "不收敛",
           "radius": "谱半径", "boundary": "收敛当且仅当",
           "best": "★ λ = 0.2、4 时的最优参数：η* = {eta}，β* = {beta}，速率 {rate}"},
}


def config() -> dict:
    return {"map": radius_map_png()}


@functools.lru_cache(maxsize=1)
def radius_map_png() -> str:
    """The spectral radius over (eta*lambda, beta), as a PNG data URI."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib import colormaps

    el, beta = np.meshgrid(np.linspace(0, 4.5, 180), np.linspace(0.99, 0, 100))
    rho = np.vectorize(q.spectral_radius)(el, beta)
    rgba = colormaps["viridis"](np.clip(rho, 0, 1))
    rgba[rho >= 1] = (0.85, 0.85, 0.85, 1)  # does not converge: grey
    buffer = io.BytesIO()
    plt.imsave(buffer, rgba, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def draw(v: dict, w: dict, cfg: dict) -> tuple[str, list[str]]:
    parts: list[str] = []
    p = Panel(parts, "rm", (0, 4.5, 0, 1), (50, 10, 300, 260),
              {"x": [(t, str(t)) for t in range(5)], "y": [(0, "0"), (0.5, "0.5"), (1, "1")],
               "xname": "ηλ", "yname": "β"})
    p.add(f'<image href="{cfg["map"]}" x="{p.sx(0)}" y="{p.sy(1)}" '
          f'width="{p.sx(4.5) - p.sx(0)}" height="{p.sy(0) - p.sy(1)}" '
          f'preserveAspectRatio="none"/>')
    p.line([(2, 0), (4, 1)], 'stroke="#000" stroke-dasharray="5 4" stroke-width="1.5"')
    eta_best, beta_best, rate = q.best_parameters()
    for lam in q.CURVATURES:  # a star at Polyak's (eta* lambda, beta*)
        p.add(f'<path d="M{p.sx(eta_best * lam):.1f},{p.sy(beta_best) - 7:.1f}l2,5h5l-4,3l2,6'
              f'l-5,-4l-5,4l2,-6l-4,-3h5z" fill="#ffd92f" stroke="#333"/>')
    el = v["eta"] * v["lam"]
    r = q.spectral_radius(el, v["beta"])
    p.add(f'<circle cx="{p.sx(min(el, 4.5)):.1f}" cy="{p.sy(v["beta"]):.1f}" r="6" '
          f'fill="#fff" stroke="#000" stroke-width="2"/>')
    x = Panel(parts, "rx", (0, 30, -1.5, 1.5), (400, 10, 210, 260),
              {"x": [(t, str(t)) for t in (0, 10, 20, 30)],
               "y": [(-1, "−1"), (0, "0"), (1, "1")], "xname": "t", "yname": "xₜ"})
    x.add(f'<line x1="{x.sx(0)}" x2="{x.sx(30)}" y1="{x.sy(0)}" y2="{x.sy(0)}" stroke="#bbb"/>')
    x.line(list(enumerate(q.scalar_iterates(v["eta"], v["beta"], v["lam"], 30))),
           'stroke="#1f77b4" stroke-width="2"')
    return svg(parts), [
        f"ηλ = {fmt(el, 2)}, β = {fmt(v['beta'], 2)}: {w['radius']} {fmt(r, 3)}, "
        f"{w['converges'] if r < 1 else w['diverges']} ({w['boundary']} ηλ < 2 + 2β = "
        f"{fmt(q.boundary(v['beta']), 2)})",
        w["best"].format(eta=fmt(eta_best, 3), beta=fmt(beta_best, 3), rate=fmt(rate, 4))]
