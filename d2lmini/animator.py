"""``Animator``: d2l's live training plot, without d2l's cost.

d2l's ``Animator.add`` clears its axes, redraws every curve and has Jupyter
render and send the whole figure again (then clears the output), on every
point: 15 full renders for one ``train_ch11`` call, most of its run time.
This one keeps d2l's interface (``add(x, y)``, ``X``, ``Y``, ``fig``,
``axes``) and only moves the curves' data on ``add``:

- in a notebook it shows one figure and updates that same output in place,
  at most every ``MIN_INTERVAL`` seconds, and once more with the final state
  when the cell ends (so a fast loop renders twice, not on every point);
- elsewhere (a script, a test) it renders nothing itself: the figure is an
  ordinary pyplot figure, drawn once, in its final state, when it is shown
  or saved.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Sequence
from typing import Any

from d2lmini.charts import FMTS, set_axes

MIN_INTERVAL = 0.5  # seconds between two renders of a live figure in a notebook


class Animator:
    """Plot points as they come: ``add(x, y)`` appends one point per curve.

    >>> animator = Animator(xlabel="epoch", ylabel="loss", xlim=[0, 2], ylim=[0.2, 0.4])
    >>> for epoch in (0.5, 1.0, 1.5, 2.0):
    ...     animator.add(epoch, (0.4 - 0.05 * epoch,))
    >>> animator.X[0], len(animator.Y[0])
    ([0.5, 1.0, 1.5, 2.0], 4)
    """

    def __init__(self, xlabel: str | None = None, ylabel: str | None = None,
                 legend: Sequence[str] | None = None, xlim: Any = None, ylim: Any = None,
                 xscale: str = "linear", yscale: str = "linear", fmts: Sequence[str] = FMTS,
                 nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = (3.5, 2.5)):
        from d2lmini.plotting import plt, use_svg_display

        use_svg_display()
        self._shell = _notebook()
        if self._shell is not None:  # we show it ourselves: keep it out of pyplot's list
            from matplotlib.figure import Figure

            self.fig = Figure(figsize=figsize)
            axes = self.fig.subplots(nrows, ncols, squeeze=False)
        else:
            self.fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
        self.axes = list(axes.flat)
        self._config = (xlabel, ylabel, xlim, ylim, xscale, yscale)
        self._legend = list(legend or [])
        self._autoscale = xlim is None or ylim is None
        self.config_axes()
        self.X: list[list[float]] | None = None
        self.Y: list[list[float]] | None = None
        self.fmts = fmts
        self._lines: list[Any] = []
        self._handle: Any = None
        self._last_render = -math.inf
        self._pending = False

    def config_axes(self) -> None:
        """Apply the labels, limits and scales given to the constructor."""
        set_axes(self.axes[0], *self._config, None)

    def add(self, x: Any, y: Any) -> None:
        """Append ``(x[i], y[i])`` to curve ``i`` (one number ``x`` serves all
        curves; a ``None`` skips that curve), then update the figure."""
        if not hasattr(y, "__len__"):
            y = [y]
        if not hasattr(x, "__len__"):
            x = [x] * len(y)
        if self.X is None or self.Y is None:
            self.X, self.Y = [[] for _ in y], [[] for _ in y]
        if len(y) != len(self.Y) or len(x) != len(y):
            raise ValueError(f"add got {len(x)} x and {len(y)} y values; this Animator "
                             f"draws {len(self.Y)} curves: give one value per curve")
        for i, (a, b) in enumerate(zip(x, y)):
            if a is not None and b is not None:
                self.X[i].append(_number(a))
                self.Y[i].append(_number(b))
        self._move_lines()
        self._show()

    def _move_lines(self) -> None:
        ax = self.axes[0]
        for i, (xs, ys) in enumerate(zip(self.X or [], self.Y or [])):
            if i < len(self._lines):
                self._lines[i].set_data(xs, ys)
            else:
                self._lines.extend(ax.plot(xs, ys, self.fmts[i % len(self.fmts)]))
                if self._legend and len(self._lines) == len(self.Y or []):
                    ax.legend(self._lines, self._legend)
        if self._autoscale:
            ax.relim()
            ax.autoscale_view()

    def _show(self) -> None:
        """In a notebook: show the figure, or update it if it is time to."""
        if self._shell is None:
            return  # drawn once, when the figure is shown or saved
        now = time.monotonic()
        if self._handle is None:
            self._handle = _display(self.fig)
            self._shell.events.register("post_run_cell", self._finish)
        elif now - self._last_render >= MIN_INTERVAL:
            self._handle.update(self.fig)
        else:
            self._pending = True
            return
        self._last_render, self._pending = now, False

    def _finish(self, *_: Any) -> None:
        """At the end of the cell: render the final state, if not yet shown."""
        if self._pending:
            self._handle.update(self.fig)
            self._pending = False
        self._shell.events.unregister("post_run_cell", self._finish)
        self._handle = None  # a later add (in another cell) shows a new figure


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError, RuntimeError) as err:
        raise TypeError(f"Animator.add takes numbers (or one-element tensors), got {value!r}"
                        ) from err


def _notebook() -> Any:
    """The running IPython kernel's shell, or None outside a notebook (a
    terminal IPython has no kernel and shows pyplot windows itself)."""
    ipython = sys.modules.get("IPython")  # imported already if we run under IPython
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if getattr(shell, "kernel", None) is not None else None


def _display(fig: Any) -> Any:
    """Show ``fig`` as a new output; return the handle that updates it in place."""
    from IPython.display import display

    return display(fig, display_id=True)
