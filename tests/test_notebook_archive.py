"""The notebook archive of `make notebooks`: complete, and runnable elsewhere."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "_build" / "momentum-notebooks.zip"


def test_archive_holds_every_page_of_both_languages_and_the_package():
    assert ARCHIVE.exists(), "no archive: run `make notebooks`"
    names = set(zipfile.ZipFile(ARCHIVE).namelist())
    for lang in ("en", "zh"):
        for page in (ROOT / "chapters" / lang).glob("*.md"):
            assert f"momentum-notebooks/{lang}/{page.stem}.ipynb" in names
    assert {"momentum-notebooks/requirements.txt", "momentum-notebooks/pyproject.toml",
            "momentum-notebooks/README.md", "momentum-notebooks/d2lmini/__init__.py"} <= names
    requirements = zipfile.ZipFile(ARCHIVE).read("momentum-notebooks/requirements.txt").decode()
    assert "torch==2.13.0" in requirements.splitlines() and "." in requirements.splitlines()


def test_archived_notebooks_carry_the_builds_outputs():
    notebook = nbformat.reads(
        zipfile.ZipFile(ARCHIVE).read("momentum-notebooks/en/basics.ipynb").decode(), 4)
    printed = [o.get("text", "") for c in notebook.cells if c.cell_type == "code"
               for o in c.outputs]
    assert "epoch 20, x1: -0.943467, x2: -0.000073\n" in printed
    assert any("image/svg+xml" in o.get("data", {})
               for c in notebook.cells if c.cell_type == "code" for o in c.outputs)


def test_a_page_runs_from_the_unpacked_archive(tmp_path):
    zipfile.ZipFile(ARCHIVE).extractall(tmp_path)
    folder = tmp_path / "momentum-notebooks"
    notebook = nbformat.read(folder / "zh" / "experiments.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("print(d2l.__file__)"))
    # the kernel imports d2lmini from the archive, not from this checkout
    env = {**os.environ, "PYTHONPATH": str(folder)}
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3")
    client.execute(env=env, cwd=str(folder / "zh"))  # raises if any cell fails
    printed = notebook.cells[-1].outputs[0]["text"].strip()
    assert Path(printed).resolve() == (folder / "d2lmini" / "__init__.py").resolve()
