"""train_2d and show_trace_2d: the chapter's four trajectories and bad input."""

from __future__ import annotations

import math

import pytest

import d2lmini as d2l


def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2


def gd(eta):
    def gd_2d(x1, x2, s1, s2):
        return x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0
    return gd_2d


def momentum(eta, beta):
    def momentum_2d(x1, x2, v1, v2):
        v1 = beta * v1 + 0.2 * x1
        v2 = beta * v2 + 4 * x2
        return x1 - eta * v1, x2 - eta * v2, v1, v2
    return momentum_2d


@pytest.mark.parametrize("trainer, printed", [
    (gd(0.4), "epoch 20, x1: -0.943467, x2: -0.000073"),
    (gd(0.6), "epoch 20, x1: -0.387814, x2: -1673.365109"),
    (momentum(0.6, 0.5), "epoch 20, x1: 0.007188, x2: 0.002553"),
    (momentum(0.6, 0.25), "epoch 20, x1: -0.126340, x2: -0.186632"),
])
def test_train_2d_prints_the_chapters_trajectories(trainer, printed, capsys):
    points = d2l.train_2d(trainer)
    assert capsys.readouterr().out.strip() == printed
    assert len(points) == 21 and points[0] == (-5.0, -2.0)


def test_gradient_descent_follows_its_closed_form():
    points = d2l.train_2d(gd(0.4))
    for t, (x1, x2) in enumerate(points):
        assert x1 == pytest.approx(-5 * 0.92 ** t, rel=1e-12)
        assert x2 == pytest.approx(-2 * (-0.6) ** t, rel=1e-12, abs=1e-15)


def flat(points):
    return [v for point in points for v in point]


def test_momentum_with_beta_zero_is_gradient_descent():
    assert flat(d2l.train_2d(momentum(0.4, 0.0))) == pytest.approx(flat(d2l.train_2d(gd(0.4))))


def test_train_2d_passes_f_grad_to_the_trainer(capsys):
    def trainer(x1, x2, s1, s2, f_grad):
        g1, g2 = f_grad(x1, x2)
        return x1 - 0.4 * g1, x2 - 0.4 * g2, 0, 0

    points = d2l.train_2d(trainer, steps=20, f_grad=lambda x1, x2: (0.2 * x1, 4 * x2))
    assert flat(points) == pytest.approx(flat(d2l.train_2d(gd(0.4))))


@pytest.mark.parametrize("bad", [
    lambda x1, x2, s1, s2: (x1, x2),
    lambda x1, x2, s1, s2: None,
    lambda x1, x2, s1, s2: ("left", x2, s1, s2),
])
def test_trainer_that_does_not_return_four_values_or_a_point_is_rejected(bad):
    with pytest.raises(TypeError, match=r"\(x1, x2, s1, s2\)|numbers for x1 and x2"):
        d2l.train_2d(bad)


@pytest.mark.parametrize("state", [
    ((0.0, 0.0), (0.0, 0.0)),  # Adam's two moments per coordinate
    None,                       # a trainer that keeps no state
    "velocity",                 # anything at all: it is the trainer's business
])
def test_the_trainers_own_state_comes_back_untouched(state, capsys):
    seen = []

    def trainer(x1, x2, s1, s2):
        seen.append((s1, s2))
        return x1 / 2, x2 / 2, state, state

    points = d2l.train_2d(trainer, steps=3)
    assert seen[1:] == [(state, state)] * 2
    assert seen[1][0] is state  # the very object, not a copy or a float
    assert points[-1] == (-0.625, -0.25)


def test_an_integer_step_counter_can_index_a_schedule(capsys):
    """d2l's exercises keep the step number in s1 and index a list with it."""
    etas = [0.5, 0.25, 0.125]

    def trainer(x1, x2, step, s2):
        eta = etas[step]  # a float here would raise TypeError
        return x1 - eta * x1, x2 - eta * x2, step + 1, s2

    points = d2l.train_2d(trainer, steps=3)
    assert points[-1] == pytest.approx((-5 * 0.5 * 0.75 * 0.875, -2 * 0.5 * 0.75 * 0.875))


@pytest.mark.parametrize("steps, error", [(0, ValueError), (-3, ValueError), (2.5, TypeError)])
def test_steps_must_be_a_positive_whole_number(steps, error):
    with pytest.raises(error, match="steps"):
        d2l.train_2d(gd(0.4), steps=steps)


def test_overflowing_run_warns_and_is_still_drawn(capsys):
    with pytest.warns(RuntimeWarning, match="diverges"):
        points = d2l.train_2d(gd(5.0), steps=400)  # |1 - 20| ** 400 overflows
    assert capsys.readouterr().out.endswith("x2: nan\n")  # printed, not raised
    with pytest.warns(RuntimeWarning, match="not finite"):
        d2l.show_trace_2d(f_2d, points)
    line = d2l.plt.gca().lines[0]
    assert 0 < len(line.get_xdata()) < len(points)  # the finite part is drawn


def test_diverging_trajectory_stays_in_view():
    points = d2l.train_2d(gd(0.6))
    d2l.show_trace_2d(f_2d, points)
    low, high = d2l.plt.gca().get_ylim()
    assert low <= -1673.365109 and high >= max(p[1] for p in points)


def test_show_trace_2d_accepts_functions_of_torch_tensors():
    import torch

    d2l.show_trace_2d(lambda x1, x2: torch.exp(x1 / 5) + x2 ** 2, [(-5, -2), (0, 0)])
    assert d2l.plt.gca().collections  # contour lines were drawn


@pytest.mark.parametrize("results", [["not", "points", "at all"], [1, 2, 3, 4],
                                     [(1, 2, 3), (4, 5, 6)]])
def test_show_trace_2d_rejects_results_that_are_not_points(results):
    with pytest.raises(TypeError, match="points"):
        d2l.show_trace_2d(f_2d, results)


def test_show_trace_2d_takes_functions_written_for_tensors_as_d2l_does():
    d2l.show_trace_2d(lambda x1, x2: x1.abs() + x2.abs(), [(-5, -2), (0, 0)])
    assert d2l.plt.gca().collections


def test_a_trainer_may_return_an_array_of_four_numbers(capsys):
    import numpy as np

    points = d2l.train_2d(lambda x1, x2, s1, s2: np.array([x1 / 2, x2 / 2, 0, 0]), steps=2)
    assert points[-1] == (-1.25, -0.5)


def test_trace_returns_floats_even_for_tensor_states():
    import torch

    def trainer(x1, x2, s1, s2):
        return torch.as_tensor(x1 / 2), torch.as_tensor(x2 / 2), 0, 0

    points = d2l.train_2d(trainer, steps=3)
    assert all(isinstance(v, float) and math.isfinite(v) for p in points for v in p)
