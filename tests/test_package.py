"""The package as a reader meets it: cheap import, d2l's names, the seed's code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import d2lmini

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_9de6a45e1153e410.txt"


def test_import_loads_neither_torch_nor_matplotlib():
    code = ("import sys, d2lmini; heavy = {'torch', 'matplotlib', 'numpy'} & set(sys.modules);"
            "print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_d2l_names_are_available():
    for name in ["train_2d", "show_trace_2d", "get_data_ch11", "train_ch11",
                 "train_concise_ch11", "set_figsize", "plt", "load_array", "Timer",
                 # what d2l's minibatch-sgd section calls when it defines its own trainers
                 "DATA_HUB", "DATA_URL", "download", "Animator", "evaluate_loss", "plot",
                 "set_axes", "use_svg_display", "linreg", "squared_loss"]:
        assert getattr(d2lmini, name) is not None
    assert d2lmini.plt.plot is not None
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        d2lmini.nonsense  # noqa: B018


def test_the_sources_code_runs_unchanged_with_d2lmini(tmp_path):
    """Every code cell of the source section, with only the import line swapped."""
    assert SEED.exists(), f"the source section is expected at {SEED} (../shared/seeds)"
    cells = re.findall(r"```python\n(.*?)```", SEED.read_text(encoding="utf-8"), re.S)
    code = "\n".join(cells)
    assert "from d2l import torch as d2l" in code
    code = code.replace("%matplotlib inline", "import matplotlib; matplotlib.use('Agg')")
    code = code.replace("from d2l import torch as d2l", "import d2lmini as d2l")
    script = tmp_path / "seed.py"
    script.write_text(code, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         env=os.environ, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[:4] == [
        "epoch 20, x1: -0.943467, x2: -0.000073",
        "epoch 20, x1: -0.387814, x2: -1673.365109",
        "epoch 20, x1: 0.007188, x2: 0.002553",
        "epoch 20, x1: -0.126340, x2: -0.186632",
    ]
    losses = [float(m) for m in re.findall(r"^loss: ([0-9.]+), [0-9.]+ sec/epoch$", out.stdout, re.M)]
    assert len(losses) == 4 and all(0.23 <= x <= 0.27 for x in losses)
