"""d2l's plotting helpers: ``set_axes`` and ``plot``, with d2l's signatures.

d2l's sections call ``d2l.plot(X, Y, xlabel, ylabel, ...)`` to draw several
curves at once (minibatch SGD compares four runs' loss against time with
it). Differences from d2l, all on bad or unusual input: tensors that require
grad (or live on a GPU) are drawn instead of failing, a fifth curve cycles
the formats instead of being silently dropped, and mismatched ``X`` and
``Y`` raise an error that says which curve is wrong.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

FMTS = ("-", "m--", "g-.", "r:")


def set_axes(axes: Any, xlabel: str | None, ylabel: str | None, xlim: Any, ylim: Any,
             xscale: str, yscale: str, legend: Sequence[str] | None) -> None:
    """Label, scale and limit matplotlib ``axes``, add a legend and a grid.

    >>> from d2lmini import plt
    >>> _, ax = plt.subplots()
    >>> set_axes(ax, "epoch", "loss", [0, 2], None, "linear", "log", None)
    >>> [float(v) for v in ax.get_xlim()], ax.get_yscale()
    ([0.0, 2.0], 'log')
    """
    axes.set_xlabel(xlabel or "")
    axes.set_ylabel(ylabel or "")
    axes.set_xscale(xscale)
    axes.set_yscale(yscale)
    if xlim is not None:  # set_xlim(None) would freeze the view where it is now
        axes.set_xlim(xlim)
    if ylim is not None:
        axes.set_ylim(ylim)
    if legend:
        axes.legend(legend)
    axes.grid(True)  # d2l's bare grid() toggles: a second call would hide it


def plot(X: Any, Y: Any = None, xlabel: str | None = None, ylabel: str | None = None,
         legend: Sequence[str] | None = None, xlim: Any = None, ylim: Any = None,
         xscale: str = "linear", yscale: str = "linear", fmts: Sequence[str] = FMTS,
         figsize: tuple[float, float] = (3.5, 2.5), axes: Any = None) -> None:
    """Draw one curve or several: ``Y`` against ``X`` (or ``X`` alone against
    its index), into ``axes`` or the current axes, as d2l's ``plot``.

    ``X`` and ``Y`` are each one series (a list or a 1-D array or tensor) or
    a list of series; one ``X`` serves every ``Y``.

    >>> plot([1, 2, 3], [[1, 4, 9], [1, 2, 3]], "x", "y", legend=["x^2", "x"])
    """
    from d2lmini.plotting import plt, set_figsize

    xs, ys = _series(X), None if Y is None else _series(Y)
    if ys is None:
        xs, ys = [[]] * len(xs), xs
    if len(xs) == 1 and len(ys) > 1:
        xs = xs * len(ys)
    if len(xs) != len(ys):
        raise ValueError(f"plot got {len(xs)} x series for {len(ys)} y series; "
                         "pass one x series, or one per y series")
    set_figsize(figsize)
    if axes is None:
        axes = plt.gca()
    axes.cla()
    for i, (x, y, fmt) in enumerate(zip(xs, ys, itertools.cycle(fmts))):
        if len(x) and len(x) != len(y):
            raise ValueError(f"curve {i} has {len(x)} x values but {len(y)} y values")
        axes.plot(x, y, fmt) if len(x) else axes.plot(y, fmt)
    set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend)


def _series(data: Any) -> list[Any]:
    """``data`` as a list of 1-D series of plain numbers (NumPy arrays)."""
    import numpy as np

    if _is_one_axis(data):
        data = [data]
    return [np.asarray(_plain(s), dtype=float) for s in data]


def _is_one_axis(data: Any) -> bool:
    """True for one series: a 1-D array or tensor, or a list of numbers."""
    if hasattr(data, "ndim"):
        return data.ndim == 1
    return isinstance(data, (list, tuple)) and len(data) > 0 and not hasattr(data[0], "__len__")


def _plain(series: Any) -> Any:
    """A tensor's values (detached, on the CPU), or the series itself."""
    if hasattr(series, "detach"):
        return series.detach().cpu().numpy()
    if isinstance(series, (list, tuple)):
        return [float(_plain(v)) if hasattr(v, "detach") else v for v in series]
    return series
