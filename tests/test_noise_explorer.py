"""The noisy-gradient explorer's formulas, checked against independent computations."""

from __future__ import annotations

import numpy as np
import pytest

import d2lmini as d2l
from d2lmini.explore import noise


def lyapunov_variance(eta: float, beta: float, lam: float, s2: float) -> float:
    """Var x from the 2x2 recursion's discrete Lyapunov equation C = A C A^T + s2 b b^T."""
    A = np.array([[beta, lam], [-eta * beta, 1 - eta * lam]])
    b = np.array([1.0, -eta])
    vec_c = np.linalg.solve(np.eye(4) - np.kron(A, A), s2 * np.outer(b, b).ravel())
    return float(vec_c.reshape(2, 2)[1, 1])


def test_stationary_variance_solves_the_lyapunov_equation():
    rng = np.random.default_rng(0)
    for _ in range(200):
        beta = rng.uniform(0, 0.99)
        lam = rng.uniform(0.1, 5)
        eta = rng.uniform(0.01, 0.99) * 2 * (1 + beta) / lam  # inside the stable range
        s2 = rng.uniform(0.1, 3)
        assert noise.stationary_variance(eta, beta, lam, s2) == pytest.approx(
            lyapunov_variance(eta, beta, lam, s2), rel=1e-8)


@pytest.mark.parametrize("eta, beta", [(0.1, 0.0), (0.01, 0.9), (0.3, 0.5), (1.5, 0.9)])
def test_stationary_variance_matches_a_long_simulation(eta, beta):
    rng = np.random.default_rng(1)
    lam, chains, steps = 1.0, 4000, 3000
    x, v = np.zeros(chains), np.zeros(chains)
    for _ in range(steps):  # long enough to forget the start: rho^3000 is tiny here
        v = beta * v + lam * x + rng.standard_normal(chains)
        x = x - eta * v
    assert x.var() == pytest.approx(noise.stationary_variance(eta, beta, lam, 1.0), rel=0.06)


def test_expected_loss_is_the_mean_over_many_noisy_runs_and_tends_to_the_floor():
    eta, beta, s2 = 0.02, 0.8, 0.5
    exact = noise.expected_loss(eta, beta, s2, steps=60)
    rng = np.random.default_rng(2)
    lam = np.array(noise.q.CURVATURES)
    x = np.tile(noise.q.START, (20000, 1))
    v = np.zeros_like(x)
    for _ in range(60):
        v = beta * v + lam * x + np.sqrt(s2) * rng.standard_normal(x.shape)
        x = x - eta * v
    assert (lam / 2 * x ** 2).sum(axis=1).mean() == pytest.approx(exact[60], rel=0.02)
    assert noise.expected_loss(eta, beta, s2, steps=20000)[-1] == pytest.approx(
        noise.noise_floor(eta, beta, s2), rel=1e-9)


def test_small_steps_momentum_has_the_floor_of_sgd_at_the_effective_rate():
    for beta in (0.5, 0.9, 0.99):
        for eff in (1e-4, 1e-3):
            mom = noise.stationary_variance(eff * (1 - beta), beta, 1.0, 1.0)
            sgd = noise.stationary_variance(eff, 0.0, 1.0, 1.0)
            assert mom == pytest.approx(sgd, rel=2 * eff)
            assert mom == pytest.approx(eff / 2, rel=2 * eff)  # eta sigma^2 / (2 (1 - beta))


def test_raising_beta_at_fixed_eta_raises_the_floor_by_about_one_over_one_minus_beta():
    low, high = (noise.noise_floor(0.01, b, 1.0) for b in (0.0, 0.9))
    assert high / low == pytest.approx(10, rel=0.05)


def test_momentum_is_stable_where_sgd_at_the_effective_rate_is_not():
    """Heavy ball: eta lam < 2 (1 + beta); SGD at eta/(1 - beta): eta lam < 2 (1 - beta)."""
    from d2lmini.explore.quadratic import spectral_radius

    beta, lam = 0.9, 4.0
    eta = 1.0 / lam  # eta lam = 1: inside 2 (1 + beta) = 3.8, outside 2 (1 - beta) = 0.2
    assert spectral_radius(eta * lam, beta) < 1
    assert spectral_radius(eta / (1 - beta) * lam, 0.0) > 1
    assert noise.stationary_variance(eta, beta, lam, 1.0) > 0


def test_the_noise_is_seeded_centred_and_of_unit_variance():
    z = np.array(noise.standard_noise())
    assert len(z) == noise.RUNS * noise.STEPS * 2
    assert abs(z.mean()) < 0.03 and z.var() == pytest.approx(1, abs=0.03)
    assert noise.standard_noise.__wrapped__() == tuple(z)  # the same numbers every time


def test_the_switch_holds_the_effective_rate_while_beta_moves():
    values = {"lr": 0.1, "beta": 0.5, "batch": 1, "lock": True}
    assert noise.learning_rates(values) == pytest.approx((0.05, 0.1))
    values["beta"] = 0.9
    assert noise.learning_rates(values) == pytest.approx((0.01, 0.1))
    values["lock"] = False  # now the slider is eta itself
    assert noise.learning_rates(values) == pytest.approx((0.1, 1.0))


def test_live_panel_relabels_the_rate_slider_and_redraws_on_every_control():
    box = d2l.noise_explorer().widget()
    controls, view = box.children[0].children, box.children[1]
    lr, beta, batch, lock = controls
    assert lr.description == "η/(1 − β)"
    for control, value in ((beta, 0.5), (batch, 4), (lr, 0.3), (lock, False)):
        before = view.value
        control.value = value
        assert view.value != before, f"moving {control.description} changed nothing"
    assert lr.description == "η"
    assert "does not converge" in view.value  # SGD at 0.3/(1 - 0.5) = 0.6: 0.6 * 4 > 2
