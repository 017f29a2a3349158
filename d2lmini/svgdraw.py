"""The explorers' figures as SVG, drawn in Python for the live Jupyter view.

Mirrors the drawing in ``explorers.js`` (the browser's version): same panels,
same marks, same readout lines. Plain strings, no plotting library, so a
redraw takes well under a millisecond of drawing.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Callable, Sequence
from typing import Any

from d2lmini import explorers as ex


def _fmt(x: float, digits: int) -> str:
    """Format like JavaScript's ``toFixed``, which the browser version uses.

    Python's format rounds an exact tie (0.625 to two digits) to even, ``toFixed``
    away from zero; rounding the exact binary value half up matches it.
    """
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        x = 0.0  # toFixed prints -0 as "0.00"
    return str(Decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


class Panel:
    """A data box drawn at a place in the SVG, with ticks, labels and a clip."""

    def __init__(self, parts: list[str], cid: str, box: Sequence[float],
                 at: Sequence[float], ticks: dict[str, Any]) -> None:
        self.parts, self.box, self.at = parts, box, at
        x0, x1, y0, y1 = box
        left, top, width, height = at
        self.sx = lambda x: left + (x - x0) / (x1 - x0) * width
        self.sy = lambda y: top + height - (y - y0) / (y1 - y0) * height
        parts.append(f'<clipPath id="{cid}"><rect x="{left}" y="{top}" width="{width}" '
                     f'height="{height}"/></clipPath><rect x="{left}" y="{top}" '
                     f'width="{width}" height="{height}" fill="none" stroke="#888"/>')
        for v, label in ticks.get("x", []):
            parts.append(f'<text x="{self.sx(v):.1f}" y="{top + height + 14}" '
                         f'text-anchor="middle" font-size="11">{label}</text>')
        for v, label in ticks.get("y", []):
            parts.append(f'<text x="{left - 4}" y="{self.sy(v) + 4:.1f}" text-anchor="end" '
                         f'font-size="11">{label}</text>')
        if "xname" in ticks:
            parts.append(f'<text x="{left + width / 2}" y="{top + height + 30}" '
                         f'text-anchor="middle" font-size="12">{ticks["xname"]}</text>')
        if "yname" in ticks:
            x, y = left - 36, top + height / 2
            parts.append(f'<text x="{x}" y="{y}" text-anchor="middle" font-size="12" '
                         f'transform="rotate(-90 {x} {y})">{ticks["yname"]}</text>')
        self.clip = cid

    def line(self, points: Sequence[tuple[float, float]], style: str) -> None:
        coords = " ".join(f"{self.sx(x):.1f},{self.sy(max(-1e6, min(1e6, y))):.1f}"
                          for x, y in points if math.isfinite(x) and math.isfinite(y))
        self.parts.append(f'<polyline clip-path="url(#{self.clip})" fill="none" '
                          f'points="{coords}" {style}/>')

    def add(self, element: str) -> None:
        self.parts.append(f'<g clip-path="url(#{self.clip})">{element}</g>')


def _svg(parts: list[str]) -> str:
    return f'<svg viewBox="0 0 620 350" style="width:100%;height:auto">{"".join(parts)}</svg>'


def trajectory(v: dict, w: dict, cfg: dict) -> tuple[str, list[str]]:
    parts: list[str] = []
    p = Panel(parts, "tc", (-6, 2, -3, 3), (50, 10, 520, 300),
              {"x": [(-6, "−6"), (-4, "−4"), (-2, "−2"), (0, "0"), (2, "2")],
               "y": [(-2, "−2"), (0, "0"), (2, "2")], "xname": "x₁", "yname": "x₂"})
    for c in (0.5, 2, 5, 10, 20):
        p.add(f'<ellipse cx="{p.sx(0):.1f}" cy="{p.sy(0):.1f}" '
              f'rx="{p.sx(math.sqrt(c / 0.1)) - p.sx(0):.1f}" '
              f'ry="{p.sy(0) - p.sy(math.sqrt(c / 2)):.1f}" fill="none" stroke="#9ecae1"/>')
    gd = ex.trajectory(v["eta"], 0.0, v["steps"])
    mom = ex.trajectory(v["eta"], v["beta"], v["steps"])
    p.line(gd, 'stroke="#ff7f0e" stroke-width="2"')
    p.line(mom, 'stroke="#1f77b4" stroke-width="2"')
    lines = [f"epoch {v['steps']} · {w['gd']}: x1: {_fmt(gd[-1][0], 6)}, x2: {_fmt(gd[-1][1], 6)}"
             f" · {w['momentum']}: x1: {_fmt(mom[-1][0], 6)}, x2: {_fmt(mom[-1][1], 6)}"]
    for i, lam in enumerate(ex.CURVATURES):
        rg, rm = (ex.spectral_radius(v["eta"] * lam, b) for b in (0.0, v["beta"]))
        lines.append(f"{w['direction']} x{i + 1} (λ = {lam:g}): {w['gd']} {_fmt(rg, 3)} "
                     f"{w['converges'] if rg < 1 else w['diverges']}, {w['momentum']} "
                     f"{_fmt(rm, 3)} {w['converges'] if rm < 1 else w['diverges']}")
    return _svg(parts), lines


def leaky(v: dict, w: dict, cfg: dict) -> tuple[str, list[str]]:
    parts: list[str] = []
    n, window = 60, ex.effective_window(v["beta"])  # as many bars as the t slider's range
    p = Panel(parts, "lw", (-0.5, n - 0.5, 0, 1.05), (50, 10, 250, 260),
              {"x": [(t, str(t)) for t in (0, 20, 40)],
               "y": [(0, "0"), (0.5, "0.5"), (1, "1")], "xname": w["tau"], "yname": "βᵗ"})
    for t, weight in enumerate(ex.leaky_weights(v["beta"], n)):
        fill = "#1f77b4" if t < v["steps"] else "#c6dbef"
        p.add(f'<rect x="{p.sx(t - 0.4):.1f}" y="{p.sy(weight):.1f}" '
              f'width="{p.sx(0.8) - p.sx(0):.1f}" height="{p.sy(0) - p.sy(weight):.1f}" '
              f'fill="{fill}"/>')
    p.add(f'<line x1="{p.sx(window):.1f}" x2="{p.sx(window):.1f}" y1="{p.sy(0):.1f}" '
          f'y2="{p.sy(1.05):.1f}" stroke="#d62728" stroke-dasharray="4 3"/>')
    g = cfg["gradients"]
    q = Panel(parts, "lg", (0, len(g) - 1, -2, 4), (350, 10, 260, 260),
              {"x": [(t, str(t)) for t in (0, 20, 40)],
               "y": [(-2, "−2"), (0, "0"), (2, "2"), (4, "4")], "xname": "t"})
    q.line(list(enumerate(g)), 'stroke="#aaa"')
    q.line(list(enumerate(ex.leaky_average(g, v["beta"]))), 'stroke="#1f77b4" stroke-width="2.5"')
    total = ex.weight_sum(v["beta"], v["steps"])
    return _svg(parts), [f"{w['window']} 1/(1 − β) = {_fmt(window, 2)}",
                         f"{w['sum']} t = {v['steps']}: (1 − βᵗ)/(1 − β) = {_fmt(total, 3)}"]


def region(v: dict, w: dict, cfg: dict) -> tuple[str, list[str]]:
    parts: list[str] = []
    p = Panel(parts, "rm", (0, 4.5, 0, 1), (50, 10, 300, 260),
              {"x": [(t, str(t)) for t in range(5)], "y": [(0, "0"), (0.5, "0.5"), (1, "1")],
               "xname": "ηλ", "yname": "β"})
    p.add(f'<image href="{cfg["map"]}" x="{p.sx(0)}" y="{p.sy(1)}" '
          f'width="{p.sx(4.5) - p.sx(0)}" height="{p.sy(0) - p.sy(1)}" '
          f'preserveAspectRatio="none"/>')
    p.line([(2, 0), (4, 1)], 'stroke="#000" stroke-dasharray="5 4" stroke-width="1.5"')
    eta_best, beta_best, rate = ex.best_parameters()
    for lam in ex.CURVATURES:  # a star at Polyak's (eta* lambda, beta*)
        p.add(f'<path d="M{p.sx(eta_best * lam):.1f},{p.sy(beta_best) - 7:.1f}l2,5h5l-4,3l2,6'
              f'l-5,-4l-5,4l2,-6l-4,-3h5z" fill="#ffd92f" stroke="#333"/>')
    el = v["eta"] * v["lam"]
    r = ex.spectral_radius(el, v["beta"])
    p.add(f'<circle cx="{p.sx(min(el, 4.5)):.1f}" cy="{p.sy(v["beta"]):.1f}" r="6" '
          f'fill="#fff" stroke="#000" stroke-width="2"/>')
    q = Panel(parts, "rx", (0, 30, -1.5, 1.5), (400, 10, 210, 260),
              {"x": [(t, str(t)) for t in (0, 10, 20, 30)],
               "y": [(-1, "−1"), (0, "0"), (1, "1")], "xname": "t", "yname": "xₜ"})
    q.add(f'<line x1="{q.sx(0)}" x2="{q.sx(30)}" y1="{q.sy(0)}" y2="{q.sy(0)}" stroke="#bbb"/>')
    q.line(list(enumerate(ex.scalar_iterates(v["eta"], v["beta"], v["lam"], 30))),
           'stroke="#1f77b4" stroke-width="2"')
    return _svg(parts), [
        f"ηλ = {_fmt(el, 2)}, β = {_fmt(v['beta'], 2)}: {w['radius']} {_fmt(r, 3)}, "
        f"{w['converges'] if r < 1 else w['diverges']} ({w['boundary']} ηλ < 2 + 2β = "
        f"{_fmt(ex.boundary(v['beta']), 2)})",
        w["best"].format(eta=_fmt(eta_best, 3), beta=_fmt(beta_best, 3), rate=_fmt(rate, 4))]


DRAW: dict[str, Callable[[dict, dict, dict], tuple[str, list[str]]]] = {
    "trajectory": trajectory, "leaky": leaky, "region": region}
