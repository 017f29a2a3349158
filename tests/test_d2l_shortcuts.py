"""d2l's tensor shortcuts, called as d2l's optimization sections call them."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import torch

import d2lmini as d2l
from d2lmini import shortcuts


def test_every_shortcut_is_exported_and_none_is_forgotten():
    assert sorted(d2l.SHORTCUTS) == sorted(shortcuts.NAMES)
    for name in shortcuts.NAMES:
        assert getattr(d2l, name) is getattr(shortcuts, name)
        assert name in dir(d2l)


def test_shortcuts_do_not_import_torch_until_one_is_used():
    code = ("import sys, d2lmini as d2l; names = dir(d2l); d2l.DATA_URL; d2l.Timer;"
            "before = 'torch' in sys.modules; d2l.zeros; print(before, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_momentum_states_are_zero_tensors_updated_in_place():
    """init_momentum_states: d2l.zeros((feature_dim, 1)), d2l.zeros(1), then v[:] = ..."""
    v_w, v_b = d2l.zeros((5, 1)), d2l.zeros(1)
    assert v_w.shape == (5, 1) and v_b.shape == (1,) and v_w.dtype == torch.float32
    v_w[:] = 0.9 * v_w + d2l.ones((5, 1))
    assert torch.equal(v_w, torch.ones(5, 1))


def test_weight_plots_use_numpy_of_arange_as_an_exponent():
    """momentum, rmsprop: x = d2l.numpy(d2l.arange(40)); beta ** x."""
    x = d2l.numpy(d2l.arange(40))
    assert isinstance(x, np.ndarray) and x.tolist() == list(range(40))
    assert np.allclose(0.9 ** x, [0.9 ** i for i in range(40)])


def test_numpy_takes_tensors_that_require_grad_and_plain_arrays():
    w = torch.ones(3, requires_grad=True)
    assert d2l.numpy(w * 2).tolist() == [2.0, 2.0, 2.0]  # d2l's .numpy() would need .detach()
    assert d2l.numpy([1, 2]).tolist() == [1, 2]


@pytest.mark.parametrize("name, args, expected", [
    ("tensor", ([1.0, 2.0],), torch.tensor([1.0, 2.0])),
    ("arange", (1, 4), torch.arange(1, 4)),
    ("linspace", (0, 1, 5), torch.linspace(0, 1, 5)),
    ("eye", (3,), torch.eye(3)),
    ("sin", (torch.tensor([0.5]),), torch.sin(torch.tensor([0.5]))),
    ("cos", (torch.tensor([0.5]),), torch.cos(torch.tensor([0.5]))),
    ("tanh", (torch.tensor([0.5]),), torch.tanh(torch.tensor([0.5]))),
    ("exp", (torch.tensor([1.0]),), torch.exp(torch.tensor([1.0]))),
    ("log", (torch.tensor([2.0]),), torch.log(torch.tensor([2.0]))),
    ("abs", (torch.tensor([-2.0, 3.0]),), torch.tensor([2.0, 3.0])),
    ("matmul", (torch.eye(2), torch.tensor([[1.0], [2.0]])), torch.tensor([[1.0], [2.0]])),
    ("concat", ((torch.zeros(1), torch.ones(2)),), torch.tensor([0.0, 1.0, 1.0])),
    ("stack", ((torch.zeros(2), torch.ones(2)),), torch.tensor([[0.0, 0.0], [1.0, 1.0]])),
    ("ones_like", (torch.zeros(2),), torch.ones(2)),
    ("zeros_like", (torch.ones(2),), torch.zeros(2)),
    ("sigmoid", (torch.zeros(1),), torch.tensor([0.5])),
])
def test_function_shortcuts_are_the_torch_functions(name, args, expected):
    result = getattr(d2l, name)(*args)
    assert result.shape == expected.shape and torch.allclose(result.float(), expected.float())


def test_meshgrid_and_linspace_make_a_contour_grid():
    """show_trace_2d's grid: d2l.meshgrid(d2l.arange(...), d2l.arange(...), indexing='ij')."""
    x1, x2 = d2l.meshgrid(d2l.arange(-5.5, 1.0, 0.1), d2l.linspace(-3.0, 1.0, 40), indexing="ij")
    assert x1.shape == x2.shape == (65, 40)
    assert torch.equal(x1[:, 0], d2l.arange(-5.5, 1.0, 0.1))


def test_random_shortcuts_follow_torchs_seed():
    """sgd simulates gradient noise with normal(0.0, 1, (1,))."""
    torch.manual_seed(0)
    drawn = [d2l.normal(0.0, 1, (1,)), d2l.rand(2), d2l.randn(2, 2)]
    torch.manual_seed(0)
    again = [torch.normal(0.0, 1, (1,)), torch.rand(2), torch.randn(2, 2)]
    assert all(torch.equal(a, b) for a, b in zip(drawn, again))
    assert drawn[2].shape == (2, 2)


def test_method_shortcuts_call_the_tensor_method():
    x = d2l.arange(6.0)
    assert d2l.size(x) == 6
    assert d2l.reshape(x, (2, 3)).shape == (2, 3)
    assert float(d2l.reduce_sum(x)) == 15.0 and float(d2l.reduce_mean(x)) == 2.5
    assert int(d2l.argmax(x)) == 5
    assert d2l.astype(x, torch.int64).dtype == d2l.int64
    assert d2l.to(x, d2l.float32).dtype == torch.float32
    m = d2l.reshape(x, (2, 3))
    assert d2l.transpose(m).shape == (3, 2) and d2l.swapaxes(m, 0, 1).shape == (3, 2)
    assert d2l.expand_dims(x, 0).shape == (1, 6) and d2l.repeat(x, 2).shape == (12,)
    assert d2l.batch_matmul(torch.ones(2, 1, 3), torch.ones(2, 3, 1)).shape == (2, 1, 1)


def test_evaluate_loss_pattern_reshape_then_reduce_sum_over_size():
    """d2l's evaluate_loss: reshape(y, out.shape), reduce_sum(l), size(l)."""
    out, y = torch.ones(4, 1), torch.zeros(4)
    l = (out - d2l.reshape(y, out.shape)) ** 2 / 2
    assert float(d2l.reduce_sum(l)) / d2l.size(l) == 0.5


def test_a_method_shortcut_on_a_list_says_to_make_a_tensor():
    with pytest.raises(TypeError, match=r"d2l.reshape takes a torch tensor, got list; "
                                        r"convert it first, e.g. d2l.reshape\(d2l.tensor\(x\)\)"):
        d2l.reshape([1, 2, 3, 4], (2, 2))
