"""The convergence-region explorer: the spectral radius over (eta*lambda, beta).

The map of ``regimes.py`` (heat map, colour bar, the stability boundary
eta*lambda = 2 + 2 beta, the critical-damping curves and the regimes'
names), Polyak's best (eta, beta) for the example's curvatures as stars, a
point set by eta, beta and lambda, and that point's scalar iterates. The
sliders keep eta*lambda <= 0.9 * 5 = 4.5, the map's edge, so the point never
leaves it. ``region.js`` is its browser version.
"""

from __future__ import annotations

from d2lmini.explore import Slider
from d2lmini.explore import quadratic as q
from d2lmini.explore import regimes
from d2lmini.explore.svg import WIDTH, Panel, fmt, narrow, svg

CONTROLS = [Slider("eta", "η", 0.01, 0.9, 0.01, 0.6), Slider("beta", "β", 0.0, 0.99, 0.01, 0.5),
            Slider("lam", "λ", 0.1, 5.0, 0.1, 4.0)]
SCRIPTS = ("quadratic.js", "regimes.js", "region.js")
WORDS = {
    "en": {**regimes.WORDS["en"], "title": "convergence-region explorer",
           "converges": "converges", "diverges": "does not converge",
           "point": "ηλ = {el}, β = {beta}: spectral radius {r}, {verdict} "
                    "(converges iff ηλ < 2 + 2β = {edge})",
           "best": "★ best for λ = 0.2, 4: η* = {eta}, β* = {beta}, rate {rate}"},
    "zh": {**regimes.WORDS["zh"], "title": "收敛区域探索器", "converges": "收敛",
           "diverges": "不收敛",
           "point": "ηλ = {el}，β = {beta}：谱半径 {r}，{verdict}"
                    "（收敛当且仅当 ηλ < 2 + 2β = {edge}）",
           "best": "★ λ 取 0.2 和 4 时的最优参数：η* = {eta}，β* = {beta}，收敛速率 {rate}"},
}


def config() -> dict:
    return regimes.config()


def draw(v: dict, w: dict, cfg: dict, width: float = WIDTH) -> tuple[str, list[str]]:
    parts: list[str] = []
    at = regimes.map_at(width)
    left, top, mw, mh = at
    if narrow(width):  # the iterates under the map, the legend under both
        right = (50, top + mh + 50, width - 66, 150)
        legend_at = (50, right[1] + 150 + 48)
        height = legend_at[1] + 16 + 14
    else:
        right = (left + mw + 100, top, width - 16 - (left + mw + 100), mh)
        legend_at, height = (50, 320), 350
    p = regimes.draw_map(parts, "rm", w, cfg, at, legend_at)
    eta_best, beta_best, rate = q.best_parameters()
    for lam in q.CURVATURES:  # a star at Polyak's (eta* lambda, beta*)
        p.add(f'<path d="M{p.sx(eta_best * lam):.1f},{p.sy(beta_best) - 7:.1f}l2,5h5l-4,3l2,6'
              f'l-5,-4l-5,4l2,-6l-4,-3h5z" fill="#ffd92f" stroke="#333"/>')
    el = v["eta"] * v["lam"]
    r = q.spectral_radius(el, v["beta"])
    parts.append(regimes.marker(p, el, v["beta"]))
    x = Panel(parts, "rx", (0, 30, -1.5, 1.5), right,
              {"x": [(t, str(t)) for t in (0, 10, 20, 30)],
               "y": [(-1, "−1"), (0, "0"), (1, "1")], "xname": "t", "yname": "xₜ"})
    x.add(f'<line x1="{x.sx(0)}" x2="{x.sx(30)}" y1="{x.sy(0)}" y2="{x.sy(0)}" stroke="#bbb"/>')
    xs = list(enumerate(q.scalar_iterates(v["eta"], v["beta"], v["lam"], 30)))
    x.path(xs, "#1f77b4", 2, diverges=w["diverges"] if r >= 1 else "")
    return svg(parts, width, height), [
        w["point"].format(el=fmt(el, 2), beta=fmt(v["beta"], 2), r=fmt(r, 3),
                          verdict=w["converges"] if r < 1 else w["diverges"],
                          edge=fmt(q.boundary(v["beta"]), 2)),
        w["best"].format(eta=fmt(eta_best, 3), beta=fmt(beta_best, 3), rate=fmt(rate, 4))]
