"""d2l's framework-neutral tensor shortcuts (``d2l.zeros``, ``d2l.numpy``, ...).

d2l's sources call these so that one cell serves MXNet, PyTorch and
TensorFlow; its website rewrites them to plain ``torch`` calls, but the
notebooks and the book's source keep them. Here they mean what d2l's torch
module makes them mean: most are torch functions themselves, the rest call
a tensor method.

This module imports torch, so ``d2lmini`` imports it only when a shortcut is
first used (``import d2lmini`` stays cheap).

>>> import d2lmini as d2l
>>> x = d2l.arange(6.0)
>>> d2l.size(x), d2l.reshape(x, (2, 3)).shape, float(d2l.reduce_sum(x))
(6, torch.Size([2, 3]), 15.0)
>>> d2l.numpy(d2l.zeros(2))
array([0., 0.], dtype=float32)
"""

from __future__ import annotations

from typing import Any

import torch

# The torch functions d2l names directly (d2l's name: torch's function).
ones, ones_like, zeros, zeros_like = torch.ones, torch.ones_like, torch.zeros, torch.zeros_like
tensor, arange, linspace, meshgrid, eye = (torch.tensor, torch.arange, torch.linspace,
                                           torch.meshgrid, torch.eye)
normal, rand, randn = torch.normal, torch.rand, torch.randn
sin, sinh, cos, cosh, tanh, sigmoid = (torch.sin, torch.sinh, torch.cos, torch.cosh,
                                       torch.tanh, torch.sigmoid)
exp, log, abs = torch.exp, torch.log, torch.abs  # noqa: A001 (d2l's name)
matmul, batch_matmul = torch.matmul, torch.bmm
concat, stack = torch.cat, torch.stack
int32, int64, float32 = torch.int32, torch.int64, torch.float32

FUNCTIONS = ["ones", "ones_like", "zeros", "zeros_like", "tensor", "arange", "linspace",
             "meshgrid", "eye", "normal", "rand", "randn", "sin", "sinh", "cos", "cosh",
             "tanh", "sigmoid", "exp", "log", "abs", "matmul", "batch_matmul", "concat",
             "stack", "int32", "int64", "float32"]


def numpy(x: Any, *args: Any, **kwargs: Any) -> Any:
    """A NumPy copy of ``x``: a tensor (even one that requires grad or lives
    on a GPU, where d2l's fails), or anything ``numpy.asarray`` takes.

    >>> numpy(arange(3))
    array([0, 1, 2])
    """
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy(*args, **kwargs)
    import numpy as np

    return np.asarray(x, *args, **kwargs)


def _method(name: str, method: str, doc: str) -> Any:
    """Make ``name(x, *args)``: call ``x.method(*args)``, as d2l does, with
    an error that says what ``x`` should be when it is not a tensor."""
    def shortcut(x: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(x, torch.Tensor):
            raise TypeError(f"d2l.{name} takes a torch tensor, got {type(x).__name__}; "
                            f"convert it first, e.g. d2l.{name}(d2l.tensor(x))")
        return getattr(x, method)(*args, **kwargs)

    shortcut.__name__ = shortcut.__qualname__ = name
    shortcut.__doc__ = doc
    return shortcut


size = _method("size", "numel", "The number of elements of ``x`` (``x.numel()``).")
reshape = _method("reshape", "reshape", "``x.reshape(*shape)``.")
to = _method("to", "to", "``x.to(...)``: another dtype or device.")
reduce_sum = _method("reduce_sum", "sum", "``x.sum(...)``.")
reduce_mean = _method("reduce_mean", "mean", "``x.mean(...)``.")
argmax = _method("argmax", "argmax", "``x.argmax(...)``.")
astype = _method("astype", "type", "``x.type(dtype)``.")
transpose = _method("transpose", "t", "``x.t()``: the transpose of a matrix.")
expand_dims = _method("expand_dims", "unsqueeze", "``x.unsqueeze(dim)``.")
swapaxes = _method("swapaxes", "swapaxes", "``x.swapaxes(a, b)``.")
repeat = _method("repeat", "repeat", "``x.repeat(*sizes)``.")

METHODS = ["numpy", "size", "reshape", "to", "reduce_sum", "reduce_mean", "argmax",
           "astype", "transpose", "expand_dims", "swapaxes", "repeat"]

#: Every shortcut this module defines (``d2lmini`` exports each; a test checks).
NAMES = [*FUNCTIONS, *METHODS]
