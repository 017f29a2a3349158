"""What d2lmini prints reaches the notebook as whole lines.

print() writes a line and its newline separately; a kernel that sent its
output between the two writes left a lone "\\n" output, which the built
Experiments page showed as an empty grey box (reader-experience review, 13).
"""

from __future__ import annotations

import sys

import torch

import d2lmini as d2l


class Writes:
    """A stand-in for sys.stdout that records each write."""

    def __init__(self) -> None:
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def printed(monkeypatch, run) -> list[str]:
    out = Writes()
    monkeypatch.setattr(sys, "stdout", out)
    run()
    monkeypatch.undo()
    return out.writes


def test_train_2d_prints_its_line_in_one_write(monkeypatch):
    writes = printed(monkeypatch, lambda: d2l.train_2d(lambda x1, x2, s1, s2: (x1 / 2, x2 / 2, 0, 0)))
    assert writes == ["epoch 20, x1: -0.000005, x2: -0.000002\n"]


def test_train_ch11_prints_its_line_in_one_write(monkeypatch):
    data_iter, feature_dim = d2l.get_data_ch11(batch_size=100, n=200)

    def sgd(params, states, hyperparams):
        with torch.no_grad():
            for p in params:
                p.sub_(hyperparams["lr"] * p.grad)
                p.grad.zero_()

    writes = printed(monkeypatch, lambda: d2l.train_ch11(sgd, [None, None], {"lr": 0.05},
                                                         data_iter, feature_dim, 1))
    assert len(writes) == 1 and writes[0].startswith("loss: ") and writes[0].endswith(" sec/epoch\n")
