"""Argument checks shared by the modules, with errors that say what to do."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any


def check_positive_int(name: str, value: Any) -> None:
    """Raise unless ``value`` is a whole number of at least 1.

    >>> check_positive_int("steps", 0)
    Traceback (most recent call last):
    ...
    ValueError: steps must be at least 1, got 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")


def check_hyperparams(hyperparams: Any) -> None:
    """Raise unless ``hyperparams`` is a mapping with a learning rate ``'lr'``.

    >>> check_hyperparams({"momentum": 0.9})
    Traceback (most recent call last):
    ...
    ValueError: hyperparams has no learning rate: add 'lr', e.g. {'momentum': 0.9, 'lr': 0.01}
    """
    if not isinstance(hyperparams, Mapping):
        raise TypeError("hyperparams must be a dict such as {'lr': 0.01, 'momentum': 0.9}, "
                        f"got {type(hyperparams).__name__}")
    if "lr" not in hyperparams:
        example = {**hyperparams, "lr": 0.01}
        raise ValueError(f"hyperparams has no learning rate: add 'lr', e.g. {example}")
