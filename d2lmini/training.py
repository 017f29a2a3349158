"""Linear regression on the airfoil data, trained by a reader's optimiser.

``train_ch11`` takes an optimiser written from scratch (a function that
updates the parameters in place); ``train_concise_ch11`` takes a
``torch.optim`` class. Both start from the same random initialisation and
use the same loss, so that with the same seed and matching hyperparameters
they follow the same trajectory: that is how the chapter checks its
from-scratch momentum against PyTorch's.

The loss is recorded every 200 examples and the curve drawn once at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from d2lmini._checks import (check_hyperparams, check_positive_int, missing_hyperparam,
                             unknown_hyperparams)
from d2lmini._say import say

if TYPE_CHECKING:
    import torch

Batches = Iterable[tuple["torch.Tensor", "torch.Tensor"]]

RECORD_EVERY = 200  # examples between two points of the loss curve, as in d2l


class Timer:
    """Accumulate the durations of several timed stretches.

    >>> timer = Timer(); timer.stop() >= 0
    True
    """

    def __init__(self) -> None:
        self.times: list[float] = []
        self.start()

    def start(self) -> None:
        self.tik = time.perf_counter()

    def stop(self) -> float:
        self.times.append(time.perf_counter() - self.tik)
        return self.times[-1]

    def sum(self) -> float:
        return sum(self.times)

    def avg(self) -> float:
        return self.sum() / len(self.times)

    def cumsum(self) -> list[float]:
        out, total = [], 0.0
        for t in self.times:
            total += t
            out.append(total)
        return out


def linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The linear model ``X w + b``."""
    return X @ w + b


def squared_loss(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Half the squared error, per example: ``(y_hat - y)**2 / 2``."""
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def train_ch11(trainer_fn: Callable[[list, Any, Mapping[str, Any]], Any], states: Any,
               hyperparams: Mapping[str, Any], data_iter: Batches, feature_dim: int,
               num_epochs: int = 2) -> tuple[list[float], list[float]]:
    """Fit ``X w + b`` with ``trainer_fn(params, states, hyperparams)``.

    ``trainer_fn`` is called after each minibatch's backward pass and must
    update ``params = [w, b]`` in place (and zero their gradients). Prints
    the final loss and the time per epoch; returns the cumulative training
    times and the recorded losses.

    >>> import torch
    >>> def sgd(params, states, hyperparams):
    ...     for p in params:
    ...         with torch.no_grad():
    ...             p -= hyperparams['lr'] * p.grad
    ...         p.grad.zero_()
    >>> data_iter, feature_dim = get_data_ch11(10)     # doctest: +SKIP
    >>> train_ch11(sgd, None, {'lr': 0.05}, data_iter, feature_dim)  # doctest: +SKIP
    loss: 0.245, 0.016 sec/epoch
    """
    import torch

    check_hyperparams(hyperparams)
    check_positive_int("num_epochs", num_epochs)
    check_positive_int("feature_dim", feature_dim)
    _check_feature_dim(data_iter, feature_dim)
    w = torch.normal(0.0, 0.01, size=(feature_dim, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)

    def net(X: torch.Tensor) -> torch.Tensor:
        return linreg(X, w, b)

    def step(X: torch.Tensor, y: torch.Tensor) -> None:
        squared_loss(net(X), y).mean().backward()
        try:
            trainer_fn([w, b], states, hyperparams)  # the reader's dict: Adam counts 't' in it
        except KeyError as err:
            clearer = missing_hyperparam(trainer_fn, hyperparams, err)
            if clearer is None:
                raise
            raise clearer from err

    return _fit(net, step, data_iter, num_epochs)


def train_concise_ch11(trainer_fn: Callable[..., torch.optim.Optimizer],
                       hyperparams: Mapping[str, Any], data_iter: Batches,
                       num_epochs: int = 4) -> tuple[list[float], list[float]]:
    """Fit the same linear model with a ``torch.optim`` optimiser class.

    The model starts where ``train_ch11``'s does (weights drawn from
    N(0, 0.01²), bias 0) and minimises the same loss, half the squared error.
    (d2l uses ``nn.MSELoss`` here, whose gradient is twice as large, so its
    "matching" learning rates were not matching.) ``hyperparams`` go to the
    optimizer as they are: ``{'rho': 0.9}`` runs Adadelta with torch's
    default learning rate.

    >>> import torch
    >>> data_iter, _ = get_data_ch11(10)                # doctest: +SKIP
    >>> train_concise_ch11(torch.optim.SGD, {'lr': 0.01}, data_iter)  # doctest: +SKIP
    loss: 0.243, 0.021 sec/epoch
    """
    import torch

    check_hyperparams(hyperparams)
    check_positive_int("num_epochs", num_epochs)
    feature_dim = _feature_dim(data_iter)
    net = torch.nn.utils.skip_init(torch.nn.Linear, feature_dim, 1)  # draws no numbers
    with torch.no_grad():
        net.weight.copy_(torch.normal(0.0, 0.01, size=(feature_dim, 1)).T)
        net.bias.zero_()
    try:
        optimizer = trainer_fn(net.parameters(), **hyperparams)
    except TypeError as err:
        clearer = unknown_hyperparams(trainer_fn, hyperparams)
        if clearer is None:
            raise
        raise clearer from err

    def step(X: torch.Tensor, y: torch.Tensor) -> None:
        optimizer.zero_grad()
        squared_loss(net(X), y).mean().backward()
        optimizer.step()

    return _fit(net, step, data_iter, num_epochs)


def _fit(net: Callable[[Any], Any], step: Callable[[Any, Any], None], data_iter: Batches,
         num_epochs: int) -> tuple[list[float], list[float]]:
    """The loop both trainers share: step, record the loss, draw it once."""
    from d2lmini.plotting import plot_loss

    batches_per_epoch = len(data_iter)  # type: ignore[arg-type]
    if batches_per_epoch == 0:
        raise ValueError("data_iter yields no minibatches: give it at least one example")
    last_batch = num_epochs * batches_per_epoch
    epochs, losses = [], []
    n = batches = 0
    timer = Timer()
    for _ in range(num_epochs):
        for X, y in data_iter:
            step(X, y)
            batches, n = batches + 1, n + len(X)
            # every RECORD_EVERY examples, and always after the last batch
            if n // RECORD_EVERY > (n - len(X)) // RECORD_EVERY or batches == last_batch:
                timer.stop()
                epochs.append(batches / batches_per_epoch)
                losses.append(_mean_loss(net, data_iter))
                timer.start()
    say(f"loss: {losses[-1]:.3f}, {timer.sum() / num_epochs:.3f} sec/epoch")
    plot_loss(epochs, losses, num_epochs)
    return timer.cumsum(), losses


def evaluate_loss(net: Callable[[Any], Any], data_iter: Batches,
                  loss: Callable[[Any, Any], Any]) -> float:
    """The loss of ``net`` over ``data_iter``, as d2l defines it: the sum of
    ``loss(net(X), y)`` over every batch divided by its number of elements.

    For a per-example loss (``squared_loss``, ``nn.MSELoss(reduction='none')``)
    that is the mean over all examples, which d2lmini computes in one pass
    when the loader holds its tensors; a loss that reduces each batch to one
    number is averaged batch by batch, as in d2l. No gradients are recorded,
    and the loader's shuffling is not consumed.

    >>> import torch
    >>> from d2lmini import load_array
    >>> X, y = torch.ones(4, 2), torch.zeros(4)
    >>> evaluate_loss(lambda X: X.sum(1, keepdim=True), load_array((X, y), 3), squared_loss)
    2.0
    """
    import torch

    def total(X: Any, y: Any) -> tuple[float, int]:
        out = net(X)
        values = loss(out, y.reshape(out.shape))
        return float(values.sum()), values.numel()

    with torch.no_grad():
        arrays = _full_arrays(data_iter)
        if arrays is not None and len(arrays[0]):
            sum_, count = total(arrays[0], arrays[1])
            if count == len(arrays[0]) * arrays[1][0].numel():  # a loss per example
                return sum_ / count
            from d2lmini.data import load_array  # a loss per batch: the same batches, in order

            data_iter = load_array(arrays, data_iter.batch_size, is_train=False)  # type: ignore
        sum_, count = 0.0, 0
        for X, y in data_iter:
            s, c = total(X, y)
            sum_, count = sum_ + s, count + c
        if count == 0:
            raise ValueError("data_iter yields no examples: give it at least one")
        return sum_ / count


def _mean_loss(net: Callable[[Any], Any], data_iter: Batches) -> float:
    """The training loss over every example, in one pass when the loader holds them."""
    return evaluate_loss(net, data_iter, squared_loss)


def _full_arrays(data_iter: Any) -> Sequence[torch.Tensor] | None:
    """All the examples behind an ``ArrayLoader``, else None (a ``DataLoader``
    may sample a subset of its dataset, so it is iterated instead)."""
    return getattr(data_iter, "arrays", None)


def _feature_dim(data_iter: Batches) -> int:
    arrays = _full_arrays(data_iter)
    X = arrays[0] if arrays is not None else next(iter(data_iter))[0]
    return int(X.shape[-1])


def _check_feature_dim(data_iter: Batches, feature_dim: int) -> None:
    actual = _feature_dim(data_iter)
    if actual != feature_dim:
        raise ValueError(f"feature_dim={feature_dim}, but the data have {actual} features; "
                         "pass the feature_dim that get_data_ch11 returned")
