"""A notebook downloaded from the site runs on a machine that has never seen the book.

An empty folder gets what a reader downloads from a page's menu: the page's
notebook and d2lmini's wheel. A new virtual environment gets Jupyter's kernel
and the book's torch, nothing else: no d2lmini, nothing of this repository.
The notebook then runs from top to bottom on that environment's kernel, and
its first cell must have installed d2lmini from the wheel beside it, leaving
torch alone. The air-foil data comes from D2LMINI_DATA_DIR, passed on.

It costs a venv and pip's installs (from pip's cache where it can, without
compiling bytecode) and one page's run; bench/ has no figure for it, the
report of issue 10 gives one.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbclient
import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[1]
LANG, PAGE = "zh", "experiments"  # the data set, the trainers, torch.optim, figures
SERVED = ROOT / "_build" / "html" / LANG / "_sources" / "chapters" / LANG
# the machine's own environment, minus what would lead the new one to this repository
HIDDEN = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "MPLBACKEND", "PYTHONSTARTUP"}


def run(*args: str | Path, env: dict[str, str], cwd: Path) -> str:
    """Run a command outside this checkout (a `python -c` there would import d2lmini)."""
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env,
                          cwd=cwd)
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_downloaded_notebook_installs_d2lmini_from_the_wheel_beside_it(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    wheels = list(SERVED.glob("d2lmini-*.whl"))
    assert len(wheels) == 1, f"the site serves {wheels} beside its notebooks: run `make book`"
    shutil.copy(SERVED / f"{PAGE}.ipynb", folder)
    shutil.copy(wheels[0], folder)

    env = {k: v for k, v in os.environ.items() if k not in HIDDEN} | {"PIP_NO_COMPILE": "1"}
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, env=env, cwd=tmp_path)
    python = venv / "bin" / "python"
    # exactly the build of torch this checkout runs on (2.13.0+cpu here): pip fails at
    # once where that build is not at hand, rather than download a CUDA torch
    torch = f"torch=={importlib.metadata.version('torch')}"
    run(python, "-m", "pip", "install", "--quiet", "ipykernel", torch, env=env, cwd=tmp_path)
    probe = "import importlib.util as u; print(u.find_spec('d2lmini'), u.find_spec('torch').origin)"
    found, torch_at = run(python, "-c", probe, env=env, cwd=tmp_path).split()
    assert found == "None" and torch_at.startswith(str(venv))
    torch_files = sorted(Path(torch_at).parents[1].glob("torch-*.dist-info"))
    assert len(torch_files) == 1
    torch_record = (torch_files[0] / "RECORD").stat()
    run(python, "-m", "ipykernel", "install", "--prefix", tmp_path / "jupyter",
        "--name", "fresh", env=env, cwd=tmp_path)

    notebook = nbformat.read(folder / f"{PAGE}.ipynb", as_version=4)
    kernels = KernelSpecManager(kernel_dirs=[str(tmp_path / "jupyter/share/jupyter/kernels")])
    client = nbclient.NotebookClient(
        notebook, km=KernelManager(kernel_name="fresh", kernel_spec_manager=kernels),
        timeout=600, resources={"metadata": {"path": str(folder)}})
    client.execute(env=env)  # raises on the first cell that fails

    code = [c for c in notebook.cells if c.cell_type == "code"]
    printed = [o.text for o in code[0].outputs if o.output_type == "stream" and o.name == "stdout"]
    assert printed == [f"已从 {wheels[0].name} 安装 d2lmini\n"]
    assert all(c.execution_count for c in code), "a cell did not run"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    installed = run(python, "-c", "import importlib.metadata as m; "
                    "print(m.distribution('d2lmini').read_text('direct_url.json'))",
                    env=env, cwd=tmp_path)
    assert json.loads(installed)["url"] == (folder / wheels[0].name).as_uri()
    # the wheel asks for torch>=2.0: pip kept the torch it found, it did not replace it
    assert (torch_files[0] / "RECORD").stat() == torch_record
    assert sorted(Path(torch_at).parents[1].glob("torch-*.dist-info")) == torch_files
