"""How long a reader waits on d2lmini: the import, and one train_ch11 call.

Prints figures; asserts nothing. Run with `make bench` (D2LMINI_DATA_DIR set
to a folder holding the airfoil file, or a machine with internet).
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import time


def import_time(module: str, repeat: int = 5) -> float:
    """Median seconds to import ``module`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(repeat)]
    return statistics.median(runs)


def train_call_time(repeat: int = 5) -> tuple[float, float]:
    """Median seconds of train_ch11 (2 epochs, batch 10, figure rendered as SVG),
    and of the bare autograd loop doing the same optimizer steps."""
    import matplotlib

    matplotlib.use("Agg")
    import torch

    import d2lmini as d2l

    def sgd_momentum(params, states, hyperparams):
        with torch.no_grad():
            for p, v in zip(params, states):
                v.mul_(hyperparams["momentum"]).add_(p.grad)
                p.sub_(hyperparams["lr"] * v)
                p.grad.zero_()

    data_iter, feature_dim = d2l.get_data_ch11(batch_size=10)
    hyper = {"lr": 0.02, "momentum": 0.5}

    def full_call() -> None:
        states = torch.zeros(feature_dim, 1), torch.zeros(1)
        d2l.train_ch11(sgd_momentum, states, hyper, data_iter, feature_dim, num_epochs=2)
        d2l.plt.gcf().savefig(io.BytesIO(), format="svg")  # what Jupyter does, once
        d2l.plt.close("all")

    def floor() -> None:  # the same 300 steps, no loss recording, no figure
        w = torch.normal(0.0, 0.01, size=(feature_dim, 1), requires_grad=True)
        b = torch.zeros(1, requires_grad=True)
        states = torch.zeros(feature_dim, 1), torch.zeros(1)
        for _ in range(2):
            for X, y in data_iter:
                (((X @ w + b) - y.reshape(-1, 1)) ** 2 / 2).mean().backward()
                sgd_momentum([w, b], states, hyper)

    def median(fn) -> float:
        fn()  # warm up
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t)
        return statistics.median(runs)

    import contextlib

    with contextlib.redirect_stdout(io.StringIO()):
        return median(full_call), median(floor)


def main() -> None:
    torch_s, mini_s = import_time("torch"), import_time("d2lmini")
    print(f"import torch              {torch_s * 1000:8.0f} ms")
    print(f"import d2lmini            {mini_s * 1000:8.0f} ms"
          f"   ({mini_s / torch_s:.1%} of torch; target <= 25%)")
    call_s, floor_s = train_call_time()
    print(f"train_ch11, 2 epochs      {call_s * 1000:8.0f} ms   (with its SVG figure)")
    print(f"autograd floor            {floor_s * 1000:8.0f} ms"
          f"   (call / floor = {call_s / floor_s:.2f}; target <= 2)")


if __name__ == "__main__":
    main()
