"""The damping and race explorers (and the improved ones), against independent computations."""

from __future__ import annotations

import re

import numpy as np
import pytest

import d2lmini as d2l
from d2lmini.explore import Explorer, damping, defaults, race, regimes, unit


def momentum_eigenvalues(eta_lambda: float, beta: float) -> np.ndarray:
    """numpy's eigenvalues of [[beta, lam], [-eta beta, 1 - eta lam]] (lam = 1)."""
    return np.linalg.eigvals(np.array([[beta, 1.0], [-eta_lambda * beta, 1 - eta_lambda]]))


def test_regime_boundaries_are_where_the_eigenvalues_meet():
    for beta in (0.04, 0.25, 0.5, 0.81):
        for edge in ((1 - np.sqrt(beta)) ** 2, (1 + np.sqrt(beta)) ** 2):
            for el, kind in ((edge - 1e-3, "real"), (edge + 1e-3, "complex")):
                if edge > 1:  # past the upper curve the roots are real again
                    kind = "complex" if kind == "real" else "real"
                mu = momentum_eigenvalues(el, beta)
                assert (abs(mu.imag).max() > 0) == (kind == "complex"), (beta, el)
                assert regimes.regime(el, beta) in (("under",) if kind == "complex"
                                                    else ("over", "flips"))
            # on the curve, a double root of modulus sqrt(beta)
            assert abs(momentum_eigenvalues(edge, beta)).max() == pytest.approx(
                np.sqrt(beta), abs=1e-6)
            assert damping.critical_beta(edge) == pytest.approx(beta)


def test_regimes_match_the_eigenvalues_everywhere_on_the_map():
    rng = np.random.default_rng(0)
    for el, beta in zip(rng.uniform(0, regimes.X, 400), rng.uniform(0, 0.99, 400)):
        mu = momentum_eigenvalues(el, beta)
        kind = regimes.regime(el, beta)
        if max(abs(mu)) > 1 + 1e-9:
            assert kind == "diverge" and el > 2 + 2 * beta
        elif abs(mu.imag).max() > 1e-9:
            assert kind == "under"
        else:  # real: the larger in modulus is negative exactly in the flip-flop region
            big = mu[np.argmax(abs(mu))].real
            assert kind == ("flips" if big < 0 else "over"), (el, beta, mu)
            assert (big < 0) == (el > (1 + np.sqrt(beta)) ** 2)


def test_damping_readout_gives_the_eigenvalues_and_the_radius():
    for el, beta in ((0.5, 0.5), (0.1, 0.1), (1.8, 0.05), (3.5, 0.5)):
        _, lines = damping.draw({"el": el, "beta": beta}, damping.WORDS["en"], damping.config())
        mu = momentum_eigenvalues(el, beta)
        assert f"ρ = {max(abs(mu)):.4f}" in lines[0]
        if abs(mu.imag).max() > 0:
            assert f"{mu[0].real:.4f} ± {abs(mu[0].imag):.4f}i" in lines[1]
        else:
            a, b = sorted(mu.real, reverse=True)
            assert f"μ₁ = {a:.4f}, μ₂ = {b:.4f}" in lines[1]
        assert f"(1 − √β)² = {(1 - np.sqrt(beta)) ** 2:.4f}" in lines[3]
    assert "zigzag (real roots, sign flips every step)" in damping.draw(
        {"el": 1.8, "beta": 0.05}, damping.WORDS["en"], damping.config())[1][0]


def test_damping_iterates_are_the_scalar_momentum_run_and_the_step_is_minus_eta_v():
    eta, lam, beta = 0.3, 2.0, 0.6
    x, v, expected = 1.0, 0.0, [(1.0, 0.0)]
    for _ in range(damping.STEPS):
        v = beta * v + lam * x
        x = x - eta * v
        expected.append((x, -eta * v))
    got = damping.iterates(eta * lam, beta)
    assert np.allclose(got, expected, rtol=1e-12, atol=1e-15) and len(got) == damping.STEPS + 1


def nesterov_direct(eta: float, beta: float, lam: float, steps: int) -> list[float]:
    """Nesterov as y = x + beta (x - x_prev), x_new = y - eta grad f(y), from x = 1 at rest."""
    x_prev, x, out = 1.0, 1.0, [lam / 2]
    for _ in range(steps):
        y = x + beta * (x - x_prev)
        x_prev, x = x, y - eta * lam * y
        out.append(lam / 2 * x * x)
    return out


@pytest.mark.parametrize("kappa", [4.0, 20.0, 100.0, 1000.0])
def test_race_nesterov_is_the_look_ahead_method_and_its_rate_the_matrix_radius(kappa):
    eta, beta, _ = race.tunings(kappa)["nag"]
    (flat, steep), _ = race.run(eta, beta, True, (1.0, kappa), span=60)
    assert flat[:61] == pytest.approx(nesterov_direct(eta, beta, 1.0, 60), rel=1e-9, abs=1e-300)
    assert steep[:61] == pytest.approx(nesterov_direct(eta, beta, kappa, 60), rel=1e-9, abs=1e-12)
    worst = 0.0
    for lam in (1.0, kappa):
        a = 1 - eta * lam
        matrix = np.array([[beta * a, lam], [-eta * beta * a, a]])
        worst = max(worst, abs(np.linalg.eigvals(matrix)).max())
    assert race.rate(eta, beta, True, (1.0, kappa)) == pytest.approx(worst, abs=1e-6)
    assert worst == pytest.approx(1 - 1 / np.sqrt(kappa), abs=1e-6)  # the known rate


@pytest.mark.parametrize("kappa", [1.0, 20.0, 100.0, 1000.0])
def test_race_rates_and_steps_against_an_independent_run(kappa):
    s = np.sqrt(kappa)
    expected_rates = {"gd": (kappa - 1) / (kappa + 1), "hb": (s - 1) / (s + 1),
                      "nag": 1 - 1 / s}
    lam = np.array([1.0, kappa])
    for name, (eta, beta, nesterov) in race.tunings(kappa).items():
        assert race.rate(eta, beta, nesterov, (1.0, kappa)) == pytest.approx(
            expected_rates[name], abs=1e-6)
        # an independent run, in vectors, with the look-ahead written out
        x, v, f0, steps = np.ones(2), np.zeros(2), lam.sum() / 2, None
        for t in range(1, race.CAP + 1):
            g = lam * (x - eta * beta * v) if nesterov else lam * x
            v = beta * v + g
            x = x - eta * v
            if (lam * x * x / 2).sum() < 1e-6 * f0:
                steps = t
                break
        assert race.run(eta, beta, nesterov, (1.0, kappa))[1] == steps, name


def test_race_reports_its_steps_and_momentum_wins_when_kappa_is_large():
    cfg = race.config()
    assert len(cfg["kappas"]) == 61 and cfg["kappas"][0] == 1 and cfg["kappas"][-1] == 1000
    _, lines = race.draw({"logk": 3.0, "digits": 6}, race.WORDS["en"], cfg)
    steps = [int(line.rsplit(": ", 1)[1]) for line in lines[1:]]
    assert steps[0] > 10 * max(steps[1:])  # gradient descent: thousands; momentum: hundreds
    assert "κ = L/μ = 1000.0" in lines[0]
    assert race.run(2 / 1001, 0.0, False, (1.0, 1000.0))[1] is not None  # within the cap
    assert race.run(1e-4, 0.0, False, (1.0, 1000.0))[1] is None  # too slow: "> 5000"
    assert "steps to f < 10⁻⁶ f(x₀)" in lines[1]


def test_race_steps_grow_like_the_digits_over_the_rate():
    """Gradient descent's f_t ~ rate^(2t): each further digit costs about
    ln 10 / (-2 ln rate) steps."""
    cfg, kappa = race.config(), 100.0
    eta, beta, nesterov = race.tunings(kappa)["gd"]
    steps = {k: race.run(eta, beta, nesterov, (1.0, kappa), 0, race.tolerance(k))[1]
             for k in (4, 8, 12)}
    per_digit = np.log(10) / (-2 * np.log((kappa - 1) / (kappa + 1)))
    assert (steps[12] - steps[4]) / 8 == pytest.approx(per_digit, rel=0.02)
    assert race.tolerance(12) == pytest.approx(1e-12, rel=1e-14)
    lines = race.draw({"logk": 2.0, "digits": 12}, race.WORDS["en"], cfg)[1]
    assert lines[1].endswith(f"10⁻¹² f(x₀): {steps[12]}")


@pytest.mark.parametrize("kind, factory", [("damping", d2l.damping_explorer),
                                           ("race", d2l.race_explorer),
                                           ("trajectory", d2l.trajectory_explorer),
                                           ("region", d2l.region_explorer)])
def test_every_control_changes_the_live_figure(kind, factory):
    box = factory().widget()
    controls, view = box.children[0].children, box.children[1]
    assert len(controls) == len(unit(kind).CONTROLS)
    for control in controls:
        before = view.value
        control.value = control.max if control.value != control.max else control.min
        assert view.value != before, f"{kind}: moving {control.description} changed nothing"


@pytest.mark.parametrize("kind", ["damping", "race", "trajectory", "region", "noise", "leaky"])
def test_readouts_are_in_chinese_with_full_width_punctuation(kind):
    d2l.set_language("zh")
    try:
        explorer = Explorer(kind)
        _, lines = explorer.unit.draw(defaults(kind), explorer.words, explorer.config)
    finally:
        d2l.set_language("en")
    text = "".join(lines)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text), lines
    prose = re.sub(r"\([^()\u4e00-\u9fff]*\)", "", text)  # a formula's (η, β) may keep its comma
    assert ": " not in prose and ", " not in prose, lines  # full-width ：，in Chinese
    assert "：" in prose


def test_region_marker_stays_on_the_map_and_the_map_has_a_colour_bar():
    region = unit("region")
    most = max(c.hi for c in region.CONTROLS if c.name == "eta") * max(
        c.hi for c in region.CONTROLS if c.name == "lam")
    assert most <= regimes.X + 1e-12
    svg, _ = region.draw({"eta": 0.9, "beta": 0.99, "lam": 5.0}, region.WORDS["en"],
                         region.config())
    assert "linearGradient" in svg and "under-damped" in svg and "diverges" in svg


def test_trajectory_gradient_descent_has_its_own_stable_rate():
    traj = unit("trajectory")
    values = defaults("trajectory")
    assert values["gd_eta"] * 4 < 2  # stable for gradient descent on lambda = 4
    _, lines = traj.draw(values, traj.WORDS["en"], {})
    assert lines[0].startswith("step 20 · ") and "does not converge" not in "".join(lines)
