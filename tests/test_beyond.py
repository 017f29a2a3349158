"""The formulas of the page "Beyond the Heavy Ball", checked independently of it."""

from __future__ import annotations

import numpy as np
import pytest
import torch


def heavy_ball_matrix(beta, eta_lam):
    """One heavy-ball step on f(x) = x^2 / 2 (lambda = 1) acting on (v, x)."""
    return np.array([[beta, 1.0], [-eta_lam * beta, 1 - eta_lam]])


def nesterov_matrix(beta, eta_lam):
    """One step of PyTorch's Nesterov form on f(x) = x^2 / 2 acting on (v, y)."""
    return np.array([[beta, 1.0], [-eta_lam * beta ** 2, 1 - eta_lam * (1 + beta)]])


def radius(matrix):
    return max(abs(np.linalg.eigvals(matrix)))


def is_complex(beta, eta_lam):
    return (1 + beta - eta_lam) ** 2 - 4 * beta < 0


@pytest.mark.parametrize("beta", [0.1, 0.25, 0.5, 0.9])
def test_roots_are_complex_exactly_between_the_two_damping_boundaries(beta):
    low, high = (1 - np.sqrt(beta)) ** 2, (1 + np.sqrt(beta)) ** 2
    assert not is_complex(beta, low * 0.999) and is_complex(beta, low * 1.001)
    assert is_complex(beta, high * 0.999) and not is_complex(beta, high * 1.001)
    # the zigzag band is as wide as the over-damped one
    assert 2 + 2 * beta - high == pytest.approx(low)


def test_over_damped_run_from_rest_never_crosses_the_minimum():
    for beta, eta_lam in [(0.1, 0.1), (0.5, 0.05), (0.9, 0.002)]:
        assert eta_lam < (1 - np.sqrt(beta)) ** 2
        state = np.array([0.0, 1.0])
        for _ in range(500):
            state = heavy_ball_matrix(beta, eta_lam) @ state
            assert state[1] > 0


@pytest.mark.parametrize("eta_lam", [0.01, 0.04, 0.1, 0.5])
def test_critical_damping_is_the_best_beta_with_rate_one_minus_sqrt(eta_lam):
    betas = np.linspace(0, 0.999, 4_000)
    radii = [radius(heavy_ball_matrix(b, eta_lam)) for b in betas]
    best = betas[int(np.argmin(radii))]
    assert best == pytest.approx((1 - np.sqrt(eta_lam)) ** 2, abs=1e-3)
    assert min(radii) == pytest.approx(1 - np.sqrt(eta_lam), abs=1e-3)


def test_polyak_table_values_quoted_on_the_page():
    def beta_star(kappa):
        return ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2

    assert round(beta_star(20), 3) == 0.403
    assert round(beta_star(100), 4) == 0.6694
    assert round(beta_star(1442), 3) == 0.900
    # beta = 0.9 is optimal at kappa = 1442.0, not 1,443
    assert ((1 + np.sqrt(0.9)) / (1 - np.sqrt(0.9))) ** 2 == pytest.approx(1442.0, abs=0.05)
    steps = lambda rate: np.log(1e-6) / np.log(rate)  # noqa: E731
    assert round(steps(19 / 21)) == 138 and round(steps((np.sqrt(20) - 1) / (np.sqrt(20) + 1))) == 30
    assert round(steps((1e5 - 1) / (1e5 + 1))) == 690776


def test_polyak_parameters_put_both_ends_on_the_floor():
    mu, L = 0.5, 50.0
    eta = 4 / (np.sqrt(L) + np.sqrt(mu)) ** 2
    beta = ((np.sqrt(L / mu) - 1) / (np.sqrt(L / mu) + 1)) ** 2
    for lam in np.linspace(mu, L, 200):
        assert radius(heavy_ball_matrix(beta, eta * lam)) == pytest.approx(9 / 11, abs=1e-6)


def test_nesterov_characteristic_polynomial():
    for beta, eta_lam in [(0.7, 0.6), (0.9, 0.05), (0.3, 1.2)]:
        expected = [1, -(1 + beta) * (1 - eta_lam), beta * (1 - eta_lam)]
        assert np.allclose(np.poly(nesterov_matrix(beta, eta_lam)), expected)


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
def test_nesterov_is_stable_exactly_below_2_plus_2_beta_over_1_plus_2_beta(beta):
    limit = (2 + 2 * beta) / (1 + 2 * beta)
    assert radius(nesterov_matrix(beta, limit - 1e-3)) < 1 < radius(nesterov_matrix(beta, limit + 1e-3))
    assert radius(heavy_ball_matrix(beta, 2 + 2 * beta - 1e-3)) < 1
    if beta == 0.9:
        assert round(limit, 3) == 1.357


def test_nesterov_usual_tuning_has_rate_one_minus_one_over_sqrt_kappa():
    mu, L = 0.2, 4.0
    kappa = L / mu
    beta = (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)
    worst = max(radius(nesterov_matrix(beta, lam / L)) for lam in np.linspace(mu, L, 501))
    assert worst == pytest.approx(1 - 1 / np.sqrt(kappa), abs=1e-6)
    assert np.allclose(nesterov_matrix(beta, 1.0) @ nesterov_matrix(beta, 1.0), 0)


def test_pytorch_nesterov_parameters_are_the_look_ahead_points_of_sutskevers_form():
    """PyTorch stores y = x - lr beta v, where x, v follow v = beta v + grad(x - lr beta v)."""
    gen = torch.Generator().manual_seed(1)
    M = torch.randn(4, 4, generator=gen, dtype=torch.float64)
    Q, c = M @ M.T + torch.eye(4, dtype=torch.float64), torch.randn(4, generator=gen, dtype=torch.float64)
    lr, beta = 0.05, 0.9
    p = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr, momentum=beta, nesterov=True)
    x, v = torch.zeros(4, dtype=torch.float64), torch.zeros(4, dtype=torch.float64)
    for _ in range(40):
        v = beta * v + Q @ (x - lr * beta * v) + c
        x = x - lr * v
        optimizer.zero_grad()
        (0.5 * p @ Q @ p + c @ p).backward()
        optimizer.step()
        assert torch.allclose(p.detach(), x - lr * beta * v, rtol=0, atol=1e-12)


def lrp_gradient(x):
    return 25 * x if x < 1 else x + 24 if x < 2 else 25 * x - 24


def run_1d(eta, beta, x0, steps, nesterov=False):
    x, v, xs = x0, 0.0, [x0]
    for _ in range(steps):
        g = lrp_gradient(x)
        v = beta * v + g
        x = x - eta * (g + beta * v if nesterov else v)
        xs.append(x)
    return np.array(xs)


def test_heavy_ball_cycles_on_the_lessard_recht_packard_function():
    xs = run_1d(1 / 9, 4 / 9, 3.3, 300)
    period = xs[-3:]
    assert np.allclose(xs[-6:-3], period, atol=1e-12)  # period three
    assert sorted(np.round(period, 6)) == [-1.802449, 0.646531, 2.115918]
    assert np.abs(xs[-30:]).min() > 0.6  # never near the minimum


def test_nesterov_converges_on_the_lessard_recht_packard_function():
    xs = run_1d(1 / 25, 2 / 3, 3.3, 100, nesterov=True)
    assert abs(xs[-1]) < 1e-12


def test_lessard_cycle_is_a_product_of_stable_matrices_with_eigenvalue_one():
    eta, beta = 1 / 9, 4 / 9
    a, b, c = 2.115918367346939, 0.646530612244898, -1.802448979591837
    product = np.eye(2)
    for x in (a, b, c):
        h = lrp_gradient(x) / x
        step = np.array([[beta, h], [-eta * beta, 1 - eta * h]])
        assert radius(step) == pytest.approx(2 / 3, abs=1e-9)
        product = step @ product
    assert np.isclose(np.abs(np.linalg.eigvals(product)).max(), 1.0, atol=1e-6)


def test_dampening_equals_the_average_form_started_at_the_first_gradient():
    lams = torch.tensor([0.2, 4.0], dtype=torch.float64)
    p = torch.tensor([-5.0, -2.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=0.1, momentum=0.9, dampening=0.9)
    x, v = p.detach().clone(), None
    for _ in range(30):
        g = lams * x
        v = g if v is None else 0.9 * v + 0.1 * g
        x = x - 0.1 * v
        optimizer.zero_grad()
        (0.5 * (lams * p * p).sum()).backward()
        optimizer.step()
    assert torch.allclose(p.detach(), x, rtol=0, atol=1e-12)


def test_adam_first_moment_is_the_velocity_times_one_minus_beta1():
    gs = torch.randn(12, 3, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    p = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    adam = torch.optim.Adam([p], lr=0.01, betas=(0.9, 0.999))
    v = torch.zeros(3, dtype=torch.float64)
    for g in gs:
        v = 0.9 * v + g
        p.grad = g.clone()
        adam.step()
    assert torch.allclose(adam.state[p]["exp_avg"], 0.1 * v, rtol=0, atol=1e-14)


def test_airfoil_full_batch_steps_quoted_on_the_page():
    """kappa = 12.08; to within 1e-10 of the floor from w = 0: GD 56, heavy ball 20, Nesterov 34."""
    import d2lmini as d2l

    data_iter, _ = d2l.get_data_ch11(batch_size=10)
    X, y = data_iter.arrays
    A = torch.cat([X, torch.ones(len(X), 1)], dim=1).double()
    y = y.double().reshape(-1, 1)
    lams = torch.linalg.eigvalsh(A.T @ A / len(A))
    mu, L = float(lams[0]), float(lams[-1])
    kappa = L / mu
    assert round(kappa, 2) == 12.08
    floor = float(((A @ torch.linalg.lstsq(A, y).solution - y) ** 2 / 2).mean())

    def steps(eta, beta, nesterov=False):
        w, v = torch.zeros(6, 1, dtype=torch.float64), 0
        for t in range(1, 200):
            g = A.T @ (A @ w - y) / len(A)
            v = beta * v + g
            w = w - eta * (g + beta * v if nesterov else v)
            if float(((A @ w - y) ** 2 / 2).mean()) - floor < 1e-10:
                return t

    root = (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)
    assert steps(2 / (L + mu), 0) == 56
    assert steps(4 / (np.sqrt(L) + np.sqrt(mu)) ** 2, root ** 2) == 20
    assert steps(1 / L, root, nesterov=True) == 34


def test_heavy_ball_steep_direction_grows_before_it_shrinks_at_kappa_100():
    """The race explorer's dashed heavy-ball curve: the double root's factor t makes
    the steep direction's loss grow about 14-fold by step 4 at Polyak's parameters."""
    L, eta, beta = 100.0, 4 / 11 ** 2, (9 / 11) ** 2
    x, v, losses = 1.0, 0.0, []
    for _ in range(60):
        v = beta * v + L * x
        x = x - eta * v
        losses.append(x * x)
    assert int(np.argmax(losses)) + 1 == 4 and round(max(losses)) == 14
    assert losses[-1] < 1e-6


def test_nesterov_guarantee_holds_on_the_lessard_recht_packard_function():
    """f(x_t) - f* <= (1 - 1/sqrt(kappa))^t (f(x_0) - f* + mu/2 |x_0 - x*|^2), mu = 1, L = 25."""
    def f(x):
        return 12.5 * x * x if x < 1 else 0.5 * x * x + 24 * x - 12 if x < 2 else 12.5 * x * x - 24 * x + 36

    beta = (5 - 1) / (5 + 1)
    for x0 in (3.3, -7.0, 1.5, 2.5, 40.0):
        x, y, start = x0, x0, f(x0) + 0.5 * x0 * x0
        for t in range(1, 80):
            x_new = y - lrp_gradient(y) / 25
            y, x = x_new + beta * (x_new - x), x_new
            assert f(x) <= 0.8 ** t * start + 1e-12
