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
    """Raise unless ``hyperparams`` is a mapping in PyTorch's names.

    No name is required: Adadelta's ``{'rho': 0.9}`` has no learning rate,
    and a ``torch.optim`` class may run with its default one. What is caught
    is the one slip that otherwise fails far from its cause, MXNet's and
    TensorFlow's ``'learning_rate'`` where PyTorch says ``'lr'``.

    >>> check_hyperparams({"rho": 0.9})
    >>> check_hyperparams({"learning_rate": 0.01, "momentum": 0.9})
    Traceback (most recent call last):
    ...
    ValueError: hyperparams has 'learning_rate', MXNet's and TensorFlow's name; PyTorch calls it 'lr': rename it, e.g. {'lr': 0.01, 'momentum': 0.9}
    """
    if not isinstance(hyperparams, Mapping):
        raise TypeError("hyperparams must be a dict such as {'lr': 0.01, 'momentum': 0.9}, "
                        f"got {type(hyperparams).__name__}")
    if "learning_rate" in hyperparams and "lr" not in hyperparams:
        renamed = {("lr" if k == "learning_rate" else k): v for k, v in hyperparams.items()}
        raise ValueError("hyperparams has 'learning_rate', MXNet's and TensorFlow's name; "
                         f"PyTorch calls it 'lr': rename it, e.g. {renamed}")


class MissingHyperparameter(KeyError):
    """A trainer looked up a name its ``hyperparams`` lack (a ``KeyError``
    still, so code that catches one keeps working; readable as text)."""

    def __str__(self) -> str:
        return str(self.args[0])


def missing_hyperparam(trainer_fn: Any, hyperparams: Mapping[str, Any],
                       err: KeyError) -> Exception | None:
    """The clearer error for a ``KeyError`` raised by ``trainer_fn``, or None
    when the key is in ``hyperparams`` (then the KeyError is not about them).

    >>> print(missing_hyperparam(len, {"momentum": 0.9}, KeyError("lr")))
    len raised KeyError('lr') and hyperparams {'momentum': 0.9} has no 'lr': if len reads hyperparams['lr'], add it, e.g. {'momentum': 0.9, 'lr': 0.01}
    """
    key = err.args[0] if len(err.args) == 1 else None
    if not isinstance(key, str) or key in hyperparams:
        return None
    name = getattr(trainer_fn, "__name__", "trainer_fn")
    hint = f", e.g. {dict(hyperparams, lr=0.01)}" if key == "lr" else ""
    return MissingHyperparameter(
        f"{name} raised KeyError({key!r}) and hyperparams {dict(hyperparams)} has no {key!r}: "
        f"if {name} reads hyperparams[{key!r}], add it{hint}")


def unknown_hyperparams(trainer_fn: Any, hyperparams: Mapping[str, Any]) -> Exception | None:
    """The clearer error when an optimizer class refused some of ``hyperparams``
    (None if it takes them all, or its parameters cannot be read).

    >>> import torch
    >>> print(unknown_hyperparams(torch.optim.RMSprop, {"lr": 0.01, "gamma": 0.9}))
    RMSprop has no hyperparameter 'gamma'; it takes lr, alpha, eps, weight_decay, momentum, centered, capturable, foreach, maximize, differentiable
    """
    import inspect

    try:
        params = list(inspect.signature(trainer_fn).parameters.values())[1:]  # after the weights
    except (TypeError, ValueError):
        return None
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return None  # it takes any name: the TypeError is about something else
    names = [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    unknown = [k for k in hyperparams if k not in names]
    if not unknown or not names:
        return None
    name = getattr(trainer_fn, "__name__", "trainer_fn")
    return TypeError(f"{name} has no hyperparameter {', '.join(map(repr, unknown))}; "
                     f"it takes {', '.join(names)}")
