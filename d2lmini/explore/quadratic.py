"""Momentum on a quadratic: the numbers that several explorers share.

Pure functions of the sliders' values, used by the explorers' live Jupyter
view and mirrored, line for line, by ``quadratic.js`` for the browser (the
tests compare the two).

The example is f(x) = 0.1 x1^2 + 2 x2^2 from (-5, -2): its curvatures, the
eigenvalues of its Hessian, are 0.2 and 4.
"""

from __future__ import annotations

import math

CURVATURES = (0.2, 4.0)
START = (-5.0, -2.0)


def trajectory(eta: float, beta: float, steps: int,
               start: tuple[float, float] = START) -> list[tuple[float, float]]:
    """Points of momentum (gradient descent when beta = 0) on the example.

    >>> trajectory(0.4, 0.0, 1)
    [(-5.0, -2.0), (-4.6, 1.2000000000000002)]
    """
    x = list(start)
    v = [0.0, 0.0]
    points = [tuple(x)]
    for _ in range(steps):
        for i, lam in enumerate(CURVATURES):
            v[i] = beta * v[i] + lam * x[i]
            x[i] = x[i] - eta * v[i]
        points.append((x[0], x[1]))
    return points


def spectral_radius(eta_lambda: float, beta: float) -> float:
    """Largest |mu| with mu^2 - (1 + beta - eta*lambda) mu + beta = 0.

    The eigenvalues of the 2x2 momentum iteration [[beta, lambda],
    [-eta*beta, 1 - eta*lambda]] on one eigendirection.

    >>> round(spectral_radius(2.4, 0.5), 4)
    0.7071
    """
    b = 1 + beta - eta_lambda
    disc = b * b - 4 * beta
    if disc < 0:  # complex pair, both of modulus sqrt(beta)
        return math.sqrt(beta)
    root = math.sqrt(disc)
    return max(abs(b + root), abs(b - root)) / 2


def converges(eta_lambda: float, beta: float) -> bool:
    """Whether one eigendirection converges: spectral radius below 1."""
    return spectral_radius(eta_lambda, beta) < 1


def boundary(beta: float) -> float:
    """The largest stable eta*lambda for a given beta: 2 + 2 beta."""
    return 2 + 2 * beta


def best_parameters(lam_min: float = CURVATURES[0],
                    lam_max: float = CURVATURES[1]) -> tuple[float, float, float]:
    """Polyak's (eta, beta) for curvatures in [lam_min, lam_max], and the rate.

    >>> [round(v, 4) for v in best_parameters(0.2, 4.0)]
    [0.6679, 0.4026, 0.6345]
    """
    kappa = lam_max / lam_min
    rate = (math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1)
    s = math.sqrt(lam_max) + math.sqrt(lam_min)
    eta = 4 / (s * s)
    return eta, rate ** 2, rate


def scalar_iterates(eta: float, beta: float, lam: float, steps: int,
                    x0: float = 1.0) -> list[float]:
    """x_t of momentum on f(x) = lam x^2 / 2, from x0 at rest."""
    x, v, xs = x0, 0.0, [x0]
    for _ in range(steps):
        v = beta * v + lam * x
        x = x - eta * v
        xs.append(x)
    return xs


def contours(panel) -> None:
    """The example's contour lines f = c, as ellipses in ``panel`` (an svg.Panel)."""
    for c in (0.5, 2, 5, 10, 20):
        panel.add(f'<ellipse cx="{panel.sx(0):.1f}" cy="{panel.sy(0):.1f}" '
                  f'rx="{panel.sx(math.sqrt(c / 0.1)) - panel.sx(0):.1f}" '
                  f'ry="{panel.sy(0) - panel.sy(math.sqrt(c / 2)):.1f}" fill="none" '
                  f'stroke="#9ecae1"/>')
