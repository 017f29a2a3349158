"""The chapter's formulas and claims, checked independently of the pages."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import d2lmini as d2l


def momentum_matrix(eta, beta, lam):
    """One momentum step on f(x) = lam x^2 / 2 acting on the state (v, x)."""
    return np.array([[beta, lam], [-eta * beta, 1 - eta * lam]])


def spectral_radius(eta, beta, lam):
    return max(abs(np.linalg.eigvals(momentum_matrix(eta, beta, lam))))


def test_momentum_matrix_is_one_step_of_the_update():
    rng = np.random.default_rng(0)
    for eta, beta, lam, v, x in rng.uniform(0.01, 2, size=(20, 5)):
        v_next = beta * v + lam * x
        x_next = x - eta * v_next
        assert momentum_matrix(eta, beta, lam) @ [v, x] == pytest.approx([v_next, x_next])


@pytest.mark.parametrize("beta", [0.0, 0.25, 0.5, 0.9, 0.99])
def test_momentum_converges_exactly_when_eta_lambda_is_below_2_plus_2_beta(beta):
    for eta_lam in np.linspace(0.01, 5, 500):
        stable = spectral_radius(eta_lam, beta, 1.0) < 1
        if abs(eta_lam - (2 + 2 * beta)) > 1e-3:
            assert stable == (eta_lam < 2 + 2 * beta), (eta_lam, beta)


@pytest.mark.parametrize("beta", [0.1, 0.5, 0.9])
def test_spectral_radius_is_never_below_sqrt_beta(beta):
    radii = [spectral_radius(eta_lam, beta, 1.0) for eta_lam in np.linspace(0.01, 5, 300)]
    assert min(radii) == pytest.approx(np.sqrt(beta), rel=1e-6)


def test_tuned_momentum_reaches_the_sqrt_kappa_rate():
    lam_min, lam_max = 0.2, 4.0
    kappa = lam_max / lam_min
    eta = 4 / (np.sqrt(lam_max) + np.sqrt(lam_min)) ** 2
    beta = ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2
    rate = (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)
    for lam in np.linspace(lam_min, lam_max, 9):
        assert spectral_radius(eta, beta, lam) <= rate + 1e-6
    gd_rate = (kappa - 1) / (kappa + 1)  # best gradient descent, eta = 2 / (lam_min + lam_max)
    assert abs(1 - 2 / (lam_min + lam_max) * lam_min) == pytest.approx(gd_rate)
    assert (rate, gd_rate) == pytest.approx((0.6345, 0.9048), abs=1e-4)


def test_gradient_descent_scalar_rate_and_regimes():
    for eta_lam, kind in [(0.5, "monotone"), (1.0, "one step"), (1.5, "oscillates"),
                          (2.5, "diverges")]:
        xs = [(1 - eta_lam) ** t for t in range(30)]
        if kind == "monotone":
            assert all(0 < b < a for a, b in zip(xs, xs[1:]))
        elif kind == "one step":
            assert xs[1:] == [0.0] * 29
        elif kind == "oscillates":
            assert all(b * a < 0 and abs(b) < abs(a) for a, b in zip(xs, xs[1:]))
        else:
            assert abs(xs[-1]) > 1e4


def test_velocity_after_t_steps_of_a_constant_gradient():
    for beta in (0.0, 0.5, 0.9):
        v = 0.0
        for t in range(1, 60):
            v = beta * v + 1.0
            assert v == pytest.approx((1 - beta ** t) / (1 - beta))
        assert v == pytest.approx(1 / (1 - beta), rel=0.01)


def test_the_two_conventions_agree_for_a_constant_rate_and_not_for_a_schedule():
    def run(schedule, ours):
        x, v = np.array([-5.0, -2.0]), np.zeros(2)
        for eta in schedule:
            g = np.array([0.2, 4.0]) * x
            if ours:      # v = beta v + g, x = x - eta v
                v = 0.5 * v + g
                x = x - eta * v
            else:         # v = gamma v + eta g, x = x - v
                v = 0.5 * v + eta * g
                x = x - v
        return x

    constant = [0.4] * 20
    assert run(constant, True) == pytest.approx(run(constant, False), abs=1e-12)
    halved = [0.4] * 10 + [0.2] * 10
    assert np.abs(run(halved, True) - run(halved, False)).max() > 1e-4


def test_quadratic_minimizer_and_minimum_value():
    rng = np.random.default_rng(1)
    M = rng.normal(size=(4, 4))
    Q, c, b = M @ M.T + np.eye(4), rng.normal(size=4), 0.7
    h = lambda x: 0.5 * x @ Q @ x + x @ c + b  # noqa: E731
    x_star = -np.linalg.solve(Q, c)
    assert Q @ x_star + c == pytest.approx(np.zeros(4), abs=1e-12)
    assert h(x_star) == pytest.approx(b - 0.5 * c @ np.linalg.solve(Q, c))
    x = rng.normal(size=4)  # the completed square, with the + sign
    assert h(x) == pytest.approx(0.5 * (x - x_star) @ Q @ (x - x_star) + h(x_star))


def test_airfoil_floor_and_conditioning_quoted_on_the_experiments_page():
    data_iter, _ = d2l.get_data_ch11(batch_size=10)
    X, y = data_iter.arrays
    A = torch.cat([X, torch.ones(len(X), 1)], dim=1).double()
    w = torch.linalg.lstsq(A, y.double().reshape(-1, 1)).solution
    floor = float(((A @ w - y.double().reshape(-1, 1)) ** 2 / 2).mean())
    assert round(floor, 4) == 0.2417
    eig = torch.linalg.eigvalsh(A.T @ A / len(A))
    assert round(float(eig[-1] / eig[0])) == 12


def test_airfoil_noise_floor_predicts_the_loss_each_run_settles_at():
    """The noisy-gradients page: eta_eff tr(Sigma_B) / 4 above the least-squares floor
    predicts the mean loss of the second epoch, over eight seeds, to within 0.001."""
    data_iter, _ = d2l.get_data_ch11(batch_size=10)
    X, y = data_iter.arrays
    A = torch.cat([X, torch.ones(len(X), 1)], dim=1).double()
    y = y.double().reshape(-1, 1)
    n, B = len(A), 10
    w_best = torch.linalg.lstsq(A, y).solution
    residual = A @ w_best - y
    floor = (residual ** 2 / 2).mean().item()
    trace = ((A * residual) ** 2).sum().item() / n / B * (n - B) / (n - 1)
    for lr, beta, quoted in [(0.02, 0.5, 0.2449), (0.01, 0.9, 0.2497), (0.04, 0.0, 0.2449)]:
        means = []
        for seed in range(8):
            torch.manual_seed(seed)
            w, v, losses = torch.normal(0, 0.01, (6, 1), dtype=torch.float64), 0, []
            for epoch in range(2):
                for X_batch, y_batch in data_iter:
                    A_batch = torch.cat([X_batch, torch.ones(len(X_batch), 1)], dim=1).double()
                    v = beta * v + A_batch.T @ (A_batch @ w - y_batch.double().reshape(-1, 1)) / B
                    w = w - lr * v
                    if epoch == 1:
                        losses.append(((A @ w - y) ** 2 / 2).mean().item())
            means.append(np.mean(losses))
        predicted = floor + lr / (1 - beta) * trace / 4
        assert round(predicted, 4) == quoted
        assert abs(np.mean(means) - predicted) < 1e-3


def test_unrolled_momentum_weights_each_gradient_by_its_age():
    """Basics and Theory correct Distill's unrolled form: after k steps the gradient
    of step i (0-based) has entered x_k with weight -eta (1 - beta^(k-i)) / (1 - beta)."""
    rng = np.random.default_rng(3)
    eta, beta, k = 0.1, 0.8, 12
    grads = rng.standard_normal(k)  # any sequence of gradients
    x, v = 0.0, 0.0
    for g in grads:
        v = beta * v + g
        x = x - eta * v
    unrolled = sum(-eta * (1 - beta ** (k - i)) / (1 - beta) * g for i, g in enumerate(grads))
    assert x == pytest.approx(unrolled)
    distill = sum(eta * (1 - beta ** i) / (1 - beta) * g for i, g in enumerate(grads, 1))
    assert x != pytest.approx(distill)
