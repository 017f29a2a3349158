"""Pages draw their figures whatever MPLBACKEND the caller exported.

A kernel with ``MPLBACKEND=Agg`` (common on servers and in CI) draws every
figure and shows none: the book would lose its figures and a reader's
notebook would stay blank. d2lmini switches a kernel with a file backend to
the inline one, and the build and nbval do not pass MPLBACKEND on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CELL = """import d2lmini as d2l
d2l.set_language('zh')
d2l.set_figsize()
d2l.plt.plot([0, 1], [0, 1])
d2l.plt.xlabel('步数');"""


def test_kernel_shows_figures_inline_when_mplbackend_is_agg() -> None:
    from jupyter_client.manager import start_new_kernel

    outputs: list[dict] = []
    km, kc = start_new_kernel(kernel_name="python3", env={**os.environ, "MPLBACKEND": "Agg"})
    try:
        reply = kc.execute_interactive(CELL, output_hook=outputs.append, timeout=120)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok", reply["content"]
    images = [m for m in outputs if m["msg_type"] == "display_data"
              and "image/svg+xml" in m["content"]["data"]]
    assert len(images) == 1, [m["msg_type"] for m in outputs]
    stderr = [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"
              and m["content"]["name"] == "stderr"]
    assert stderr == []  # no "non-interactive, cannot be shown", no missing glyphs


# Loaded into the nbval run: records the image outputs of every executed cell.
PROBE = """
import json, os
IMAGES = []

def pytest_runtest_teardown(item):
    for output in getattr(item, "test_outputs", None) or []:
        IMAGES.extend(k for k in output.get("data", {}) if k.startswith("image/"))

def pytest_sessionfinish(session):
    with open(os.environ["PROBE_OUT"], "w") as f:
        json.dump(IMAGES, f)
"""


def test_nbval_page_draws_its_figures_when_mplbackend_is_agg(tmp_path: Path) -> None:
    (tmp_path / "nbval_probe.py").write_text(PROBE)
    found = tmp_path / "images.json"
    page = ROOT / "chapters" / "zh" / "theory.md"  # a Chinese page, quick to run
    env = {**os.environ, "MPLBACKEND": "Agg", "PROBE_OUT": str(found),
           "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "nbval_probe",
                           str(page)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    declared = page.read_text(encoding="utf-8").count("  figure:")
    assert declared > 0
    assert len(json.loads(found.read_text())) >= declared, done.stdout[-3000:]
