"""d2lmini: the Dive into Deep Learning helpers that the momentum chapter uses.

The PyTorch code of d2l's optimization sections (sgd, momentum, adagrad,
rmsprop, adadelta, adam, minibatch-sgd) runs unchanged with
``import d2lmini as d2l``::

    import d2lmini as d2l

    def f_2d(x1, x2):
        return 0.1 * x1 ** 2 + 2 * x2 ** 2

    def gd_2d(x1, x2, s1, s2):
        return x1 - 0.4 * 0.2 * x1, x2 - 0.4 * 4 * x2, 0, 0

    d2l.show_trace_2d(f_2d, d2l.train_2d(gd_2d))

Importing the package is cheap: each module (and torch, numpy, matplotlib)
is imported the first time one of its names is used.

Modules, one concern each:

- ``d2lmini.data``: ``DATA_HUB``, ``download`` with checksum and cache,
  ``get_data_ch11``, ``load_array``;
- ``d2lmini.trace2d``: ``train_2d``, ``show_trace_2d``;
- ``d2lmini.training``: ``train_ch11``, ``train_concise_ch11``,
  ``evaluate_loss``, ``linreg``, ``squared_loss``, ``Timer``;
- ``d2lmini.shortcuts``: d2l's tensor shortcuts (``d2l.zeros``,
  ``d2l.numpy``, ...), which import torch on first use;
- ``d2lmini.charts``, ``d2lmini.animator``: d2l's ``plot``, ``set_axes``
  and a live ``Animator`` that renders once, not on every point;
- ``d2lmini.explore``: the interactive explorers, one small unit each (its
  computation, its ipywidgets view and its browser version);
- ``d2lmini.plotting``: ``set_figsize``, ``set_language``, ``use_svg_display``,
  ``plot_loss`` and ``plt`` (``matplotlib.pyplot``, with CJK font fallback).
- ``d2lmini.fonts``: the CJK font that Chinese figures need, found even
  behind a stale font cache, or one warning that says how to install one.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"  # the package's one version: pyproject.toml reads it from here

# name -> module that defines it; resolved on first access (PEP 562).
_EXPORTS: dict[str, str] = {
    "DATA_HUB": "data",
    "DATA_URL": "data",
    "DownloadError": "data",
    "ChecksumError": "data",
    "ArrayLoader": "data",
    "data_dir": "data",
    "download": "data",
    "get_data_ch11": "data",
    "load_array": "data",
    "train_2d": "trace2d",
    "show_trace_2d": "trace2d",
    "Timer": "training",
    "linreg": "training",
    "squared_loss": "training",
    "train_ch11": "training",
    "train_concise_ch11": "training",
    "evaluate_loss": "training",
    "Animator": "animator",
    "plot": "charts",
    "set_axes": "charts",
    "trajectory_explorer": "explore",
    "leaky_average_explorer": "explore",
    "region_explorer": "explore",
    "noise_explorer": "explore",
    "damping_explorer": "explore",
    "race_explorer": "explore",
    "plot_loss": "plotting",
    "set_figsize": "plotting",
    "set_language": "plotting",
    "get_language": "plotting",
    "use_svg_display": "plotting",
}

# d2l's tensor shortcuts (d2lmini.shortcuts imports torch, so it is named
# here, not imported; tests/test_d2l_shortcuts.py checks the two lists agree).
SHORTCUTS = ("ones ones_like zeros zeros_like tensor arange linspace meshgrid eye normal "
             "rand randn sin sinh cos cosh tanh sigmoid exp log abs matmul batch_matmul "
             "concat stack int32 int64 float32 numpy size reshape to reduce_sum reduce_mean "
             "argmax astype transpose expand_dims swapaxes repeat").split()
_EXPORTS.update((name, "shortcuts") for name in SHORTCUTS)

__all__ = sorted([*_EXPORTS, "plt"])


def __getattr__(name: str) -> Any:
    if name == "plt":  # through d2lmini.plotting, which sets up the fonts
        return importlib.import_module("d2lmini.plotting").plt
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'd2lmini' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"d2lmini.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
