"""d2lmini: the Dive into Deep Learning helpers that the momentum chapter uses.

The momentum section's d2l code runs unchanged with ``import d2lmini as d2l``::

    import d2lmini as d2l

    def f_2d(x1, x2):
        return 0.1 * x1 ** 2 + 2 * x2 ** 2

    def gd_2d(x1, x2, s1, s2):
        return x1 - 0.4 * 0.2 * x1, x2 - 0.4 * 4 * x2, 0, 0

    d2l.show_trace_2d(f_2d, d2l.train_2d(gd_2d))

Importing the package is cheap: each module (and torch, numpy, matplotlib)
is imported the first time one of its names is used.

Modules, one concern each:

- ``d2lmini.data``: download with checksum and cache, ``get_data_ch11``,
  ``load_array``;
- ``d2lmini.trace2d``: ``train_2d``, ``show_trace_2d``;
- ``d2lmini.training``: ``train_ch11``, ``train_concise_ch11``, ``linreg``,
  ``squared_loss``, ``Timer``;
- ``d2lmini.explore``: the interactive explorers, one small unit each (its
  computation, its ipywidgets view and its browser version);
- ``d2lmini.plotting``: ``set_figsize``, ``set_language``, ``use_svg_display``,
  ``plot_loss`` and ``plt`` (``matplotlib.pyplot``, with CJK font fallback).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it; resolved on first access (PEP 562).
_EXPORTS: dict[str, str] = {
    "DATA_HUB": "data",
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
