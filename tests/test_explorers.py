"""The explorers' numbers, checked against independent computations."""

from __future__ import annotations

import numpy as np
import pytest

import d2lmini as d2l
from d2lmini.explore import leaky, noise
from d2lmini.explore import quadratic as ex


def radius_by_eigenvalues(eta_lambda: float, beta: float) -> float:
    """rho of the 2x2 momentum matrix, by numpy's eigenvalues (eta = eta_lambda, lam = 1)."""
    R = np.array([[beta, 1.0], [-eta_lambda * beta, 1 - eta_lambda]])
    return float(max(abs(np.linalg.eigvals(R))))


def test_spectral_radius_matches_the_eigenvalues_of_the_iteration_matrix():
    rng = np.random.default_rng(0)
    for eta_lambda, beta in zip(rng.uniform(0, 5, 300), rng.uniform(0, 0.99, 300)):
        assert ex.spectral_radius(eta_lambda, beta) == pytest.approx(
            radius_by_eigenvalues(eta_lambda, beta), rel=1e-6, abs=1e-9)


def test_verdict_flips_exactly_at_the_boundary():
    for beta in (0.0, 0.3, 0.5, 0.9):
        edge = ex.boundary(beta)
        assert edge == pytest.approx(2 + 2 * beta)
        assert ex.converges(edge - 1e-6, beta) and not ex.converges(edge + 1e-6, beta)
        assert ex.spectral_radius(0.0, beta) == pytest.approx(1.0)  # eta*lambda = 0: no progress


def test_best_parameters_put_both_curvatures_at_the_optimal_rate():
    eta, beta, rate = ex.best_parameters(0.2, 4.0)
    kappa = 20
    assert rate == pytest.approx((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1))
    for lam in (0.2, 4.0):
        assert radius_by_eigenvalues(eta * lam, beta) == pytest.approx(rate, abs=1e-6)
    # and no (eta, beta) on a grid does better in the worse of the two directions
    grid = [max(radius_by_eigenvalues(e * 0.2, b), radius_by_eigenvalues(e * 4, b))
            for e in np.linspace(0.05, 1, 60) for b in np.linspace(0, 0.95, 60)]
    assert min(grid) >= rate - 1e-3


@pytest.mark.parametrize("eta, beta", [(0.4, 0.0), (0.6, 0.0), (0.6, 0.5), (0.6, 0.25)])
def test_trajectories_are_the_chapters(eta, beta, capsys):
    def momentum_2d(x1, x2, v1, v2):
        v1, v2 = beta * v1 + 0.2 * x1, beta * v2 + 4 * x2
        return x1 - eta * v1, x2 - eta * v2, v1, v2

    expected = [v for point in d2l.train_2d(momentum_2d) for v in point]
    assert [v for point in ex.trajectory(eta, beta, 20) for v in point] == pytest.approx(expected)


def test_leaky_weights_window_and_sum():
    for beta in (0.0, 0.5, 0.9, 0.99):
        weights = leaky.leaky_weights(beta, 40)
        assert weights[0] == 1 and weights[5] == pytest.approx(beta ** 5)
        assert leaky.weight_sum(beta, 40) == pytest.approx(sum(weights))
        assert leaky.effective_window(beta) == pytest.approx(sum(beta ** t for t in range(10_000)))


def test_velocity_is_the_leaky_sum_of_the_drifting_gradients():
    g = leaky.noisy_gradients()
    beta = 0.8
    velocity = leaky.velocities(g, beta)
    for t in (0, 10, 99):
        assert velocity[t] == pytest.approx(sum(beta ** k * g[t - k] for k in range(t + 1)))
    means = leaky.means()
    assert means[leaky.TURN - 1] == 1 and means[leaky.TURN] == -1  # the slope turns
    noise = np.array(g) - means
    assert abs(noise.mean()) < 0.15 and 0.4 < noise.std() < 0.6  # noise of s.d. 0.5
    assert leaky.noisy_gradients() == g  # seeded: the same every time


def test_noise_variance_of_the_velocity_is_the_sum_of_squared_weights_not_of_weights():
    """Weights sum to (1 - b^t)/(1 - b); independent noise leaves (1 - b^2t)/(1 - b^2)."""
    rng = np.random.default_rng(1)
    beta, t, runs = 0.9, 40, 200_000
    z = rng.standard_normal((runs, t))
    v = (z * beta ** np.arange(t)[::-1]).sum(axis=1)  # v_t for each run, sigma = 1
    assert v.var() == pytest.approx(leaky.noise_variance(beta, t), rel=0.01)
    assert leaky.noise_variance(beta, t) == pytest.approx(5.262, abs=1e-3)
    assert leaky.weight_sum(beta, t) == pytest.approx(9.852, abs=1e-3)
    # the average (1 - b) v_t has the spread of a plain mean of (1 + b)/(1 - b) = 19 samples
    limit = (1 - beta) ** 2 * leaky.noise_variance(beta, 10_000)
    assert 1 / limit == pytest.approx((1 + beta) / (1 - beta))


def test_scalar_iterates_follow_the_matrix_power():
    eta, beta, lam = 0.3, 0.6, 4.0
    R = np.array([[beta, lam], [-eta * beta, 1 - eta * lam]])
    xs = ex.scalar_iterates(eta, beta, lam, 12)
    for t in (1, 5, 12):
        assert xs[t] == pytest.approx((np.linalg.matrix_power(R, t) @ [0, 1])[1])


@pytest.mark.parametrize("make", [d2l.trajectory_explorer, d2l.leaky_average_explorer,
                                  d2l.region_explorer, d2l.noise_explorer,
                                  d2l.damping_explorer, d2l.race_explorer])
def test_an_explorer_offers_a_widget_and_a_static_version(make):
    explorer = make()
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    page = bundle["text/html"]
    assert page.count('type="range"') + page.count('type="checkbox"') == page.count("<label for=")
    assert page.count('type="range"') >= 2
    assert "<script>" in page and "window.d2lExplorers" in page
    assert len(page.encode()) < 100_000  # a page with an explorer grows by far less than 1 MB


def test_two_displays_of_one_explorer_move_independently():
    explorer = d2l.trajectory_explorer()
    first, second = explorer.widget(), explorer.widget()
    before = second.children[1].value
    first.children[0].children[1].value = 0.0
    assert "x2: -1673.365109" in first.children[1].value
    assert second.children[1].value == before


def test_readouts_round_like_the_browser():
    from d2lmini.explore.svg import fmt as _fmt

    assert _fmt(0.625, 2) == "0.63" and _fmt(1.5625, 3) == "1.563"  # ties away from zero
    assert _fmt(-0.0, 2) == "0.00" and _fmt(-0.0001, 2) == "-0.00"
    assert _fmt(float("inf"), 3) == "inf" and _fmt(2 / 3, 6) == "0.666667"


def test_moving_a_live_slider_redraws_the_figure():
    explorer = d2l.trajectory_explorer()
    box = explorer.widget()
    sliders, view = box.children[0].children, box.children[1]
    before = view.value
    sliders[1].value = 0.0  # beta: momentum becomes gradient descent
    assert view.value != before and "x2: -1673.365109" in view.value
