"""SVG drawing for the explorers' live Jupyter view: panels, lines, numbers.

Mirrors ``base.js``, the browser's version, mark for mark, so that the two
views of an explorer look alike and print the same readout. Plain strings,
no plotting library: a redraw takes well under a millisecond of drawing.

Coordinates are in units of one CSS pixel at the figure's own ``width``: the
browser lays a figure out for the width it is shown at (its container's
width over the ``--d2l-scale`` of the page), so that its text keeps the
size it is written in (12 to 13 units, never less) instead of shrinking
with a fixed picture; below ``NARROW`` an explorer stacks its panels. The
Jupyter view is drawn at ``WIDTH``, the width of an explorer on a desktop page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

WIDTH = 640  # the figure's width in Jupyter and on a desktop page (base.js: WIDTH)
NARROW = 500  # narrower than this, panels are stacked (a phone: about 358)
TICK, NAME = 12, 13  # font sizes of tick labels and of axis names, legends and notes


def narrow(width: float) -> bool:
    """Whether a figure this wide stacks its panels.

    >>> narrow(358), narrow(640)
    (True, False)
    """
    return width < NARROW


def whole(x: float) -> int:
    """``x`` rounded half up, as JavaScript's ``Math.round`` (layouts must agree).

    >>> whole(2.5), whole(-2.5), round(2.5)
    (3, -2, 2)
    """
    return math.floor(x + 0.5)


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


def note(x: float, y: float, text: str, size: int = TICK, anchor: str = "start",
         colour: str = "#000", rotate: bool = False) -> str:
    """A label with a white halo, readable over lines and colours."""
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{colour}" paint-order="stroke" stroke="#fff" stroke-width="3" '
            f'stroke-opacity="0.8"{turn}>{text}</text>')


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
                         f'text-anchor="middle" font-size="{TICK}">{label}</text>')
        for v, label in ticks.get("y", []):
            parts.append(f'<text x="{left - 4}" y="{self.sy(v) + 4:.1f}" text-anchor="end" '
                         f'font-size="{TICK}">{label}</text>')
        if "xname" in ticks:
            parts.append(f'<text x="{left + width / 2}" y="{top + height + 30}" '
                         f'text-anchor="middle" font-size="{NAME}">{ticks["xname"]}</text>')
        if "yname" in ticks:
            x, y = left - 38, top + height / 2
            parts.append(f'<text x="{x}" y="{y}" text-anchor="middle" font-size="{NAME}" '
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

    def inside(self, point: tuple[float, float]) -> bool:
        x0, x1, y0, y1 = self.box
        x, y = point
        return x0 <= x <= x1 and y0 <= y <= y1

    def path(self, points: Sequence[tuple[float, float]], colour: str, width: float,
             r: float = 2, diverges: str = "", shift: int = 0) -> None:
        """A run: its line and a dot per step (of radius r, if r). A run that diverges (``diverges``
        is then its note) stops where it leaves the box, and the note stands
        there: clipped, its later steps were drawn as a barcode of bars."""
        shown = list(points)
        if diverges:
            out = next((k for k, p in enumerate(shown) if not self.inside(p)), None)
            if out is not None and out > 0:
                shown = shown[:out] + [self.exit(shown[out - 1], shown[out])]
        self.line(shown, f'stroke="{colour}" stroke-width="{width}"')
        if r:
            self.dots([p for p in shown if self.inside(p)], colour, r)
        if diverges:
            self.tag(shown[-1], diverges, colour, shift)

    def exit(self, a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        """Where the segment from ``a`` (inside the box) to ``b`` (outside) leaves it."""
        x0, x1, y0, y1 = self.box
        t = 1.0
        for lo, hi, p, q in ((x0, x1, a[0], b[0]), (y0, y1, a[1], b[1])):
            if not math.isfinite(q):
                return a
            if q > hi:
                t = min(t, (hi - p) / (q - p))
            elif q < lo:
                t = min(t, (lo - p) / (q - p))
        return a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])

    def tag(self, point: tuple[float, float], text: str, colour: str, shift: int = 0) -> None:
        """``text`` beside ``point``, inside the panel (``shift`` more lines inwards)."""
        left, top, width, height = self.at
        x, y = self.sx(point[0]), self.sy(point[1])
        right = x > left + width / 2
        y = y + 16 * (shift + 1) if y < top + height / 2 else y - 8 - 16 * shift
        y = min(max(y, top + 14), top + height - 5)
        self.parts.append(note(x - 6 if right else x + 6, y, text, NAME,
                               "end" if right else "start", colour))


def legend(parts: list[str], x: float, y: float, entries: Sequence[tuple[str, str]]) -> None:
    """Short coloured lines with their labels, one under the other, from (x, y)."""
    for k, (style, label) in enumerate(entries):
        yy = y + 16 * k
        parts.append(f'<line x1="{x}" x2="{x + 18}" y1="{yy}" y2="{yy}" {style}/>'
                     f'<text x="{x + 23}" y="{yy + 4}" font-size="{TICK}">{label}</text>')


def svg(parts: list[str], width: float = WIDTH, height: float = 350) -> str:
    return (f'<svg viewBox="0 0 {width} {height}" style="width:100%;height:auto">'
            f'{"".join(parts)}</svg>')
