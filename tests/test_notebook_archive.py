"""The notebook archive of `make notebooks`: the site's notebooks and wheel, installable.

What the archive holds is checked against what the site serves, byte for
byte; that those notebooks run on a fresh machine from the wheel beside them
is tests/test_fresh_venv.py's business.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "_build" / "momentum-notebooks.zip"
SITE = ROOT / "_build" / "html"
TOP = "momentum-notebooks"


def members() -> dict[str, bytes]:
    assert ARCHIVE.exists(), "no archive: run `make notebooks`"
    with zipfile.ZipFile(ARCHIVE) as zf:
        return {name.removeprefix(f"{TOP}/"): zf.read(name) for name in zf.namelist()}


def test_archive_holds_the_sites_notebooks_of_both_languages_and_its_wheel():
    archived = members()
    served = {}
    for lang in ("en", "zh"):
        folder = SITE / lang / "_sources" / "chapters" / lang
        for page in sorted((ROOT / "chapters" / lang).glob("*.md")):
            served[f"{lang}/{page.stem}.ipynb"] = (folder / f"{page.stem}.ipynb").read_bytes()
        (wheel,) = folder.glob("d2lmini-*.whl")
    served[wheel.name] = wheel.read_bytes()
    assert set(archived) == set(served) | {"README.md", "requirements.txt"}
    assert all(archived[name] == data for name, data in served.items())


def test_its_requirements_install_the_books_torch_jupyterlab_and_the_wheel():
    archived = members()
    (wheel,) = [name for name in archived if name.endswith(".whl")]
    lines = [line for line in archived["requirements.txt"].decode().splitlines()
             if line and not line.startswith("#")]
    assert lines == ["torch==2.13.0", "jupyterlab>=4", f"./{wheel}"]
    readme = archived["README.md"].decode()
    assert "pip install -r requirements.txt" in readme and wheel in readme
    assert "D2LMINI_DATA_DIR" in readme and "动量法" in readme  # both languages


def test_archived_notebooks_carry_the_builds_outputs():
    notebook = nbformat.reads(members()["en/basics.ipynb"].decode(), 4)
    printed = [o.get("text", "") for c in notebook.cells if c.cell_type == "code"
               for o in c.outputs]
    assert "epoch 20, x1: -0.943467, x2: -0.000073\n" in printed
    assert any("image/svg+xml" in o.get("data", {})
               for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
