"""Optimisers on a function of two variables: run one, draw its trajectory.

``train_2d`` iterates a *trainer*, a function that maps the state
``(x1, x2, s1, s2)`` (a point and two auxiliary numbers, such as a
velocity) to the next state. ``show_trace_2d`` draws the visited points over
the contour lines of the objective. Both keep d2l's signatures.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from d2lmini._checks import check_positive_int
from d2lmini._say import say

Point = tuple[float, float]
Trainer = Callable[..., Sequence[Any]]

START = (-5, -2, 0, 0)  # d2l's starting state (x1, x2, s1, s2): ints, as d2l's
WINDOW = ((-5.5, 1.0), (-3.0, 1.0))  # the plot's x1 and x2 ranges at least


def train_2d(trainer: Trainer, steps: int = 20,
             f_grad: Callable[..., Any] | None = None) -> list[Point]:
    """Run ``trainer`` for ``steps`` steps from (-5, -2); return the points.

    ``trainer(x1, x2, s1, s2)`` (or ``trainer(x1, x2, s1, s2, f_grad)`` when
    ``f_grad`` is given) must return the next ``(x1, x2, s1, s2)``. The state
    ``s1, s2`` is the trainer's own and is passed back exactly as it was
    returned (a velocity, a tuple of moments for Adam, ``None``, a step
    counter); so are ``x1, x2``, which must be numbers (or one-element
    tensors) and are recorded as floats. Prints the last point, as d2l
    does. A run that overflows is kept, with a warning.

    >>> def gd(x1, x2, s1, s2):
    ...     return x1 - 0.4 * 0.2 * x1, x2 - 0.4 * 4 * x2, 0, 0
    >>> points = train_2d(gd)
    epoch 20, x1: -0.943467, x2: -0.000073
    >>> len(points)
    21
    """
    if not callable(trainer):
        raise TypeError(f"trainer must be a function, got {type(trainer).__name__}")
    check_positive_int("steps", steps)
    x1, x2, s1, s2 = START
    results = [_as_point(trainer, x1, x2)]
    for _ in range(steps):
        state = trainer(x1, x2, s1, s2) if f_grad is None else trainer(x1, x2, s1, s2, f_grad)
        x1, x2, s1, s2 = _unpack_state(trainer, state)
        results.append(_as_point(trainer, x1, x2))
    _warn_if_not_finite(results)
    say(f"epoch {steps}, x1: {results[-1][0]:f}, x2: {results[-1][1]:f}")
    return results


def _unpack_state(trainer: Trainer, state: Any) -> tuple[Any, Any, Any, Any]:
    """Check that a trainer returned four values; return them untouched."""
    name = getattr(trainer, "__name__", "the trainer")
    try:
        values = list(state)  # a tuple, a list, or an array of four values
    except TypeError:
        values = None
    if values is None or isinstance(state, str) or len(values) != 4:
        got = f"{len(values)} values" if values is not None else repr(state)
        raise TypeError(f"{name} must return (x1, x2, s1, s2), four values; it "
                        f"returned {got}. Return the state too, e.g. `return x1, x2, 0, 0`.")
    return values[0], values[1], values[2], values[3]


def _as_point(trainer: Trainer, x1: Any, x2: Any) -> Point:
    """The point ``(x1, x2)`` as floats, or an error that names the trainer."""
    try:
        return float(x1), float(x2)
    except (TypeError, ValueError, RuntimeError) as err:
        name = getattr(trainer, "__name__", "the trainer")
        raise TypeError(f"{name} must return numbers for x1 and x2 (its own state s1, "
                        f"s2 may be anything); it returned x1={x1!r}, x2={x2!r}") from err


def _warn_if_not_finite(points: Sequence[Point]) -> None:
    for i, (x1, x2) in enumerate(points):
        if not (math.isfinite(x1) and math.isfinite(x2)):
            warnings.warn(f"the trajectory left the floating-point range at step {i} "
                          f"(x1={x1}, x2={x2}): it diverges; lower the learning rate",
                          RuntimeWarning, stacklevel=3)
            return


def show_trace_2d(f: Callable[[Any, Any], Any], results: Sequence[Point]) -> None:
    """Draw the points ``results`` over the contour lines of ``f(x1, x2)``.

    The view is d2l's window (-5.5..1 by -3..1), widened to hold the whole
    trajectory, so a diverging run stays in sight. Points that are not finite
    are left out, with a warning. ``f`` is called with NumPy arrays, or with
    torch tensors if it only accepts those.

    >>> show_trace_2d(lambda x1, x2: x1 ** 2 + x2 ** 2, [(-5, -2), (-1, 0.5)])
    """
    import numpy as np

    from d2lmini.plotting import plt, set_figsize

    points = _finite_points(results)
    (lo1, hi1), (lo2, hi2) = _window(points)
    x1, x2 = np.meshgrid(np.linspace(lo1, hi1, 121), np.linspace(lo2, hi2, 121))
    set_figsize()
    ax = plt.gca()
    ax.contour(x1, x2, _evaluate(f, x1, x2), colors="#1f77b4", linewidths=0.8)
    if len(points):
        ax.plot(points[:, 0], points[:, 1], "-o", color="#ff7f0e", markersize=3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")


def _finite_points(results: Sequence[Point]) -> Any:
    import numpy as np

    message = "results must be a list of (x1, x2) points, as train_2d returns"
    try:
        points = np.asarray(results, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(message) from err
    if points.ndim != 2 or points.shape[1] != 2:
        raise TypeError(message)
    finite = np.isfinite(points).all(axis=1)
    if not finite.all():
        warnings.warn(f"{int((~finite).sum())} of {len(points)} points are not finite "
                      "(the run diverged) and are not drawn", RuntimeWarning, stacklevel=3)
    return points[finite]


def _window(points: Any) -> tuple[tuple[float, float], tuple[float, float]]:
    """d2l's plot window, widened by 5 % of the span to hold every point."""
    window = []
    for axis, (lo, hi) in enumerate(WINDOW):
        if len(points):
            lo, hi = min(lo, points[:, axis].min()), max(hi, points[:, axis].max())
        pad = 0.05 * (hi - lo) if (lo, hi) != WINDOW[axis] else 0.0
        window.append((float(lo - pad), float(hi + pad)))
    return window[0], window[1]


def _evaluate(f: Callable[[Any, Any], Any], x1: Any, x2: Any) -> Any:
    """Evaluate ``f`` on a grid, with NumPy arrays or else torch tensors.

    d2l passes tensors; NumPy comes first because it is cheaper and most
    functions take either. A function that only takes tensors (``torch.exp``,
    ``x.abs()``) gets tensors; if it fails with both, the first error is raised.
    """
    import numpy as np

    with np.errstate(over="ignore", invalid="ignore"):
        try:
            return np.asarray(f(x1, x2), dtype=float)
        except (TypeError, AttributeError) as numpy_error:
            import torch

            try:
                values = f(torch.from_numpy(x1), torch.from_numpy(x2))
            except Exception:
                raise numpy_error from None
            return values.detach().numpy()
