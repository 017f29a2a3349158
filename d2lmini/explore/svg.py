"""SVG drawing for the explorers' live Jupyter view: panels, lines, numbers.

Mirrors ``base.js``, the browser's version, mark for mark, so that the two
views of an explorer look alike and print the same readout. Plain strings,
no plotting library: a redraw takes well under a millisecond of drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

WIDTH, HEIGHT = 620, 350  # the viewBox of every explorer's figure


def fmt(x: float, digits: int) -> str:
    """Format like JavaScript's ``toFixed``, which the browser version uses.

    Python's format rounds an exact tie (0.625 to two digits) to even, ``toFixed``
    away from zero; rounding the exact binary value half up matches it.

    >>> fmt(0.625, 2), fmt(-0.0, 2), fmt(float("inf"), 1)
    ('0.63', '0.00', 'inf')
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
                         f'text-anchor="middle" font-size="12">{label}</text>')
        for v, label in ticks.get("y", []):
            parts.append(f'<text x="{left - 4}" y="{self.sy(v) + 4:.1f}" text-anchor="end" '
                         f'font-size="12">{label}</text>')
        if "xname" in ticks:
            parts.append(f'<text x="{left + width / 2}" y="{top + height + 30}" '
                         f'text-anchor="middle" font-size="13">{ticks["xname"]}</text>')
        if "yname" in ticks:
            x, y = left - 38, top + height / 2
            parts.append(f'<text x="{x}" y="{y}" text-anchor="middle" font-size="13" '
                         f'transform="rotate(-90 {x} {y})">{ticks["yname"]}</text>')
        self.clip = cid

    def line(self, points: Sequence[tuple[float, float]], style: str) -> None:
        coords = " ".join(f"{self.sx(x):.1f},{self.sy(max(-1e6, min(1e6, y))):.1f}"
                          for x, y in points if math.isfinite(x) and math.isfinite(y))
        self.parts.append(f'<polyline clip-path="url(#{self.clip})" fill="none" '
                          f'points="{coords}" {style}/>')

    def dots(self, points: Sequence[tuple[float, float]], colour: str, r: float = 2) -> None:
        """A small dot at each point: the steps of a path (clipped to the panel)."""
        clamp = lambda v: max(-1e6, min(1e6, v))  # noqa: E731
        self.add("".join(f'<circle cx="{clamp(self.sx(x)):.1f}" cy="{clamp(self.sy(y)):.1f}" '
                         f'r="{r}" fill="{colour}"/>'
                         for x, y in points if math.isfinite(x) and math.isfinite(y)))

    def add(self, element: str) -> None:
        self.parts.append(f'<g clip-path="url(#{self.clip})">{element}</g>')


def legend(parts: list[str], x: float, y: float, entries: Sequence[tuple[str, str]]) -> None:
    """Short coloured lines with their labels, one under the other, from (x, y)."""
    for k, (style, label) in enumerate(entries):
        yy = y + 16 * k
        parts.append(f'<line x1="{x}" x2="{x + 18}" y1="{yy}" y2="{yy}" {style}/>'
                     f'<text x="{x + 23}" y="{yy + 4}" font-size="12">{label}</text>')


def svg(parts: list[str]) -> str:
    return (f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" style="width:100%;height:auto">'
            f'{"".join(parts)}</svg>')
