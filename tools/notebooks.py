"""Pack every page of both languages as a runnable notebook archive.

    python tools/notebooks.py        # what `make notebooks` runs, after `make book`

Writes _build/momentum-notebooks.zip:

    momentum-notebooks/
      README.md            how to install and run
      requirements.txt     what the notebooks need, d2lmini included (".")
      pyproject.toml       so that "." installs d2lmini
      d2lmini/             the helper package
      en/*.ipynb  zh/*.ipynb   every page, executed: outputs included

The notebooks are the ones the book build executed, so a learner sees every
figure and number before running anything. The archive is written to a
temporary file and renamed into place: it is complete or absent.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
ARCHIVE = BUILD / "momentum-notebooks.zip"
TOP = "momentum-notebooks"
LANGUAGES = ("en", "zh")

def torch_pin() -> str:
    """The book's torch requirement, as requirements.txt pins it."""
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("torch"):
            return line.split("#")[0].strip()
    sys.exit("requirements.txt pins no torch")


REQUIREMENTS = """\
# Install with: pip install -r requirements.txt   (inside this folder)
{torch}
numpy>=1.26
matplotlib>=3.8
jupyterlab>=4
.
"""

README = """\
# Momentum: the notebooks

Every page of the book "Momentum" (English in `en/`, Chinese in `zh/`) as a
Jupyter notebook, with the small helper package `d2lmini` they import.

    python3 -m venv .venv && . .venv/bin/activate
    pip install -r requirements.txt
    jupyter lab

The experiments download a small data set (airfoil self-noise) on first use.
Offline, put `airfoil_self_noise.dat` in a folder and set `D2LMINI_DATA_DIR`
to that folder before starting Jupyter.
"""


def notebooks() -> dict[str, Path]:
    """Archive name -> executed notebook of every page, from the book build."""
    found = {}
    for lang in LANGUAGES:
        pages = sorted((ROOT / "chapters" / lang).glob("*.md"))
        # the notebooks each page offers for download (_ext/bilingual.py)
        executed = BUILD / lang / "_build" / "html" / "_sources" / "chapters" / lang
        for page in pages:
            notebook = executed / f"{page.stem}.ipynb"
            if not notebook.exists():
                sys.exit(f"{notebook} is missing: run `make book` first")
            found[f"{lang}/{page.stem}.ipynb"] = notebook
    return found


def main() -> None:
    members = notebooks()
    BUILD.mkdir(exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=BUILD, prefix=".notebooks-", suffix=".zip")
    os.fchmod(fd, 0o644)  # mkstemp makes it private; the archive is for sharing
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{TOP}/README.md", README)
            zf.writestr(f"{TOP}/requirements.txt", REQUIREMENTS.format(torch=torch_pin()))
            zf.write(ROOT / "pyproject.toml", f"{TOP}/pyproject.toml")
            for module in sorted([*(ROOT / "d2lmini").glob("*.py"),
                                  *(ROOT / "d2lmini").glob("*.js")]):
                zf.write(module, f"{TOP}/d2lmini/{module.name}")
            for name, path in members.items():
                zf.write(path, f"{TOP}/{name}")
        os.replace(tmp, ARCHIVE)
    finally:
        Path(tmp).unlink(missing_ok=True)
    print(f"{ARCHIVE.relative_to(ROOT)}: {len(members)} notebooks, d2lmini, requirements.txt")


if __name__ == "__main__":
    main()
