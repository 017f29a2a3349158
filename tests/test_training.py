"""train_ch11 and train_concise_ch11: results, determinism, one figure, bad input."""

from __future__ import annotations

import math

import pytest
import torch

import d2lmini as d2l


def init_momentum_states(feature_dim):
    return torch.zeros(feature_dim, 1), torch.zeros(1)


def sgd_momentum(params, states, hyperparams):
    with torch.no_grad():
        for p, v in zip(params, states):
            v.mul_(hyperparams["momentum"]).add_(p.grad)
            p.sub_(hyperparams["lr"] * v)
            p.grad.zero_()


@pytest.fixture(scope="module")
def data():
    return d2l.get_data_ch11(batch_size=10)


def run(data, lr, momentum, num_epochs=2, seed=0):
    data_iter, feature_dim = data
    torch.manual_seed(seed)
    return d2l.train_ch11(sgd_momentum, init_momentum_states(feature_dim),
                          {"lr": lr, "momentum": momentum}, data_iter, feature_dim, num_epochs)


@pytest.mark.parametrize("lr, momentum", [(0.02, 0.5), (0.01, 0.9), (0.005, 0.9)])
def test_chapter_runs_end_in_the_sources_loss_band(data, lr, momentum, capsys):
    times, losses = run(data, lr, momentum)
    assert 0.24 <= losses[-1] <= 0.26
    assert capsys.readouterr().out.startswith(f"loss: {losses[-1]:.3f}, ")
    assert len(times) == len(losses) == 15  # one point per 200 examples, 3000 examples


def test_seeded_runs_are_identical(data):
    assert run(data, 0.01, 0.9, seed=7)[1] == run(data, 0.01, 0.9, seed=7)[1]
    assert run(data, 0.01, 0.9, seed=7)[1] != run(data, 0.01, 0.9, seed=8)[1]


def test_page_numbers_are_reproduced(data):
    """The experiments page quotes these seeded results in its text."""
    finals = [round(run(data, lr, m)[1][-1], 3)
              for lr, m in [(0.02, 0.5), (0.01, 0.9), (0.005, 0.9), (0.04, 0)]]
    assert finals == [0.243, 0.249, 0.246, 0.243]


def test_from_scratch_momentum_matches_torch_sgd(data):
    data_iter, _ = data
    _, scratch = run(data, 0.005, 0.9, num_epochs=4)
    torch.manual_seed(0)
    _, concise = d2l.train_concise_ch11(torch.optim.SGD, {"lr": 0.005, "momentum": 0.9},
                                        data_iter)
    assert len(scratch) == len(concise) == 30
    assert max(abs(a - b) for a, b in zip(scratch, concise)) < 1e-6


def test_the_loss_curve_is_drawn_once_with_every_point(data):
    _, losses = run(data, 0.02, 0.5)
    figures = [d2l.plt.figure(n) for n in d2l.plt.get_fignums()]
    assert len(figures) == 1
    (line,) = figures[0].axes[0].lines
    assert list(line.get_ydata()) == losses
    assert line.get_xdata()[-1] == 2.0


def test_works_with_a_torch_dataloader(data):
    data_iter, feature_dim = data
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*data_iter.arrays),
                                         batch_size=10, shuffle=True)
    torch.manual_seed(0)
    _, losses = d2l.train_ch11(sgd_momentum, init_momentum_states(feature_dim),
                               {"lr": 0.02, "momentum": 0.5}, loader, feature_dim)
    assert 0.24 <= losses[-1] <= 0.26


def test_a_diverging_run_warns_and_does_not_crash(data, capsys):
    with pytest.warns(RuntimeWarning, match="not finite"):
        _, losses = run(data, 10.0, 0.9)
    assert not math.isfinite(losses[-1])
    printed = capsys.readouterr().out
    assert "loss: nan" in printed or "loss: inf" in printed


def init_adadelta_states(feature_dim):
    return [(torch.zeros(feature_dim, 1), torch.zeros(feature_dim, 1)),
            (torch.zeros(1), torch.zeros(1))]


def adadelta(params, states, hyperparams):
    rho, eps = hyperparams["rho"], 1e-5
    with torch.no_grad():
        for p, (s, delta) in zip(params, states):
            s.mul_(rho).add_((1 - rho) * p.grad ** 2)
            g = (delta + eps).sqrt() / (s + eps).sqrt() * p.grad
            p.sub_(g)
            delta.mul_(rho).add_((1 - rho) * g ** 2)
            p.grad.zero_()


def test_adadelta_trains_without_a_learning_rate(data):
    """Adadelta has no 'lr'; the section passes {'rho': 0.9} to both trainers."""
    data_iter, feature_dim = data
    torch.manual_seed(0)
    _, scratch = d2l.train_ch11(adadelta, init_adadelta_states(feature_dim), {"rho": 0.9},
                                data_iter, feature_dim)
    torch.manual_seed(0)
    _, concise = d2l.train_concise_ch11(torch.optim.Adadelta, {"rho": 0.9}, data_iter)
    assert 0.235 <= scratch[-1] <= 0.25 and 0.235 <= concise[-1] <= 0.25


def test_a_torch_optimizer_runs_with_its_default_learning_rate(data):
    data_iter, _ = data
    torch.manual_seed(0)
    _, default = d2l.train_concise_ch11(torch.optim.Adam, {}, data_iter, num_epochs=1)
    torch.manual_seed(0)
    _, explicit = d2l.train_concise_ch11(torch.optim.Adam, {"lr": 1e-3}, data_iter, num_epochs=1)
    assert default == explicit  # torch's default, not a value d2lmini made up


def test_the_trainers_hyperparams_dict_is_the_readers_own(data):
    """Adam's from-scratch trainer counts its steps in hyperparams['t']."""
    data_iter, feature_dim = data
    hyperparams = {"lr": 0.01, "t": 1}

    def counting_sgd(params, states, hyperparams):
        with torch.no_grad():
            for p in params:
                p.sub_(hyperparams["lr"] * p.grad)
                p.grad.zero_()
        hyperparams["t"] += 1

    d2l.train_ch11(counting_sgd, None, hyperparams, data_iter, feature_dim, num_epochs=1)
    assert hyperparams["t"] == 1 + len(data_iter)


def test_learning_rate_in_tensorflows_name_says_to_rename_it(data):
    data_iter, feature_dim = data
    hyperparams = {"learning_rate": 0.005, "momentum": 0.9}
    fix = r"rename it, e.g. \{'lr': 0.005, 'momentum': 0.9\}"
    with pytest.raises(ValueError, match=fix):
        d2l.train_ch11(sgd_momentum, init_momentum_states(feature_dim), hyperparams,
                       data_iter, feature_dim)
    with pytest.raises(ValueError, match=fix):
        d2l.train_concise_ch11(torch.optim.SGD, hyperparams, data_iter)


def test_a_trainer_reading_a_missing_name_gets_an_error_naming_it(data):
    data_iter, feature_dim = data
    with pytest.raises(KeyError, match=r"hyperparams \{'momentum': 0.9\} has no 'lr': if "
                                       r"sgd_momentum reads hyperparams\['lr'\], add it"):
        d2l.train_ch11(sgd_momentum, init_momentum_states(feature_dim), {"momentum": 0.9},
                       data_iter, feature_dim)


def test_a_keyerror_about_another_dict_is_not_disguised(data):
    data_iter, feature_dim = data

    def broken(params, states, hyperparams):
        return {}["lr"]  # hyperparams has 'lr': this KeyError is about something else

    with pytest.raises(KeyError) as caught:
        d2l.train_ch11(broken, None, {"lr": 0.1}, data_iter, feature_dim)
    assert type(caught.value) is KeyError


def test_a_name_the_optimizer_does_not_take_gets_its_list_of_names(data):
    """RMSprop's decay is 'alpha' in torch, 'gamma' in d2l's from-scratch code."""
    data_iter, _ = data
    with pytest.raises(TypeError, match=r"RMSprop has no hyperparameter 'gamma'; it takes lr, "
                                        r"alpha, eps"):
        d2l.train_concise_ch11(torch.optim.RMSprop, {"lr": 0.01, "gamma": 0.9}, data_iter)


def test_an_optimizer_factory_taking_any_name_keeps_its_own_error(data):
    data_iter, _ = data

    def factory(params, **hyperparams):
        raise TypeError("factory says no")

    with pytest.raises(TypeError, match="^factory says no$"):
        d2l.train_concise_ch11(factory, {"lr": 0.01}, data_iter)


def test_hyperparams_must_be_a_dict(data):
    data_iter, feature_dim = data
    with pytest.raises(TypeError, match="hyperparams must be a dict"):
        d2l.train_ch11(sgd_momentum, init_momentum_states(feature_dim), [("lr", 0.1)],
                       data_iter, feature_dim)
    with pytest.raises(TypeError, match="hyperparams must be a dict"):
        d2l.train_concise_ch11(torch.optim.SGD, [("lr", 0.1)], data_iter)


@pytest.mark.parametrize("num_epochs, error", [(0, ValueError), (-1, ValueError), (1.5, TypeError)])
def test_num_epochs_must_be_positive(data, num_epochs, error):
    data_iter, feature_dim = data
    with pytest.raises(error, match="num_epochs"):
        d2l.train_ch11(sgd_momentum, init_momentum_states(feature_dim), {"lr": 0.1},
                       data_iter, feature_dim, num_epochs)
    with pytest.raises(error, match="num_epochs"):
        d2l.train_concise_ch11(torch.optim.SGD, {"lr": 0.1}, data_iter, num_epochs)


def test_feature_dim_must_match_the_data(data):
    data_iter, _ = data
    with pytest.raises(ValueError, match="feature_dim=4, but the data have 5 features"):
        d2l.train_ch11(sgd_momentum, init_momentum_states(4), {"lr": 0.1, "momentum": 0.5},
                       data_iter, 4)
