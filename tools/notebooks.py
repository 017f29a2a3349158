"""Pack every page of both languages as a runnable notebook archive.

    python tools/notebooks.py        # what `make notebooks` runs, after `make book`

Writes _build/momentum-notebooks.zip:

    momentum-notebooks/
      README.md            how to install and run
      requirements.txt     torch (pinned as the book's), JupyterLab, and the wheel
      d2lmini-<version>-py3-none-any.whl   the helper package, as the site serves it
      en/*.ipynb  zh/*.ipynb   every page, executed: outputs included

The notebooks are the ones the site offers for download (_ext/bilingual.py
turns each page into a reader's notebook with _ext/reader_notebook.py), so a
learner sees every figure and number before running anything, and no
slide-only cell or MyST markup. The archive is written to a temporary file
and renamed into place: it is complete or absent.
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
jupyterlab>=4
./{wheel}
"""

README = """\
# Momentum: the notebooks

Every page of the book "Momentum" (English in `en/`, Chinese in `zh/`) as a
Jupyter notebook, with the outputs of the book's build, and the small helper
package they import, `d2lmini`, as a wheel (`{wheel}`).

    python3 -m venv .venv && . .venv/bin/activate
    pip install -r requirements.txt
    jupyter lab

`requirements.txt` installs the book's torch ({torch}), JupyterLab and
d2lmini. To keep a torch you already have (a CUDA build, say), install only
`pip install jupyterlab ./{wheel}`: d2lmini asks for torch 2 or later and
leaves yours in place. Each notebook's first cell installs d2lmini if the
kernel lacks it, and otherwise does nothing.

The experiments download a small data set (airfoil self-noise) on first use.
Offline, put `airfoil_self_noise.dat` in a folder and set `D2LMINI_DATA_DIR`
to that folder before starting Jupyter.

# 动量法：Jupyter 记事本

本书《动量法》的每个页面（英文版在 `en/`，中文版在 `zh/`）都是一个 Jupyter
记事本，带有本书构建时的输出；它们导入的小辅助包 `d2lmini` 以安装包
`{wheel}` 的形式附在这里。

    python3 -m venv .venv && . .venv/bin/activate
    pip install -r requirements.txt
    jupyter lab

`requirements.txt` 会安装本书所用的 torch（{torch}）、JupyterLab 和 d2lmini。
若想保留已经装好的 torch（例如 CUDA 版本），只需运行
`pip install jupyterlab ./{wheel}`：d2lmini 只要求 torch 2 或更高版本，不会替换
已有的 torch。每个记事本的第一个代码单元会在内核缺少 d2lmini 时安装它，否则什么
也不做。

实验在首次运行时会下载一个小数据集（翼型自噪声数据）。离线时，把
`airfoil_self_noise.dat` 放进一个文件夹，并在启动 Jupyter 之前把环境变量
`D2LMINI_DATA_DIR` 设为该文件夹。
"""


def notebooks() -> dict[str, Path]:
    """Archive name -> the reader's notebook of every page, from the book build."""
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


def wheel() -> Path:
    """The d2lmini wheel that the book build served beside the notebooks."""
    sys.path.insert(0, str(ROOT / "tools"))
    from package import built

    made = built()
    if made is None:
        sys.exit("no d2lmini wheel in _build/dist: run `make book` first")
    return made[0]


def main() -> None:
    members = notebooks()
    package = wheel()
    BUILD.mkdir(exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=BUILD, prefix=".notebooks-", suffix=".zip")
    os.fchmod(fd, 0o644)  # mkstemp makes it private; the archive is for sharing
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{TOP}/README.md", README.format(wheel=package.name, torch=torch_pin()))
            zf.writestr(f"{TOP}/requirements.txt",
                        REQUIREMENTS.format(torch=torch_pin(), wheel=package.name))
            zf.write(package, f"{TOP}/{package.name}")
            for name, path in members.items():
                zf.write(path, f"{TOP}/{name}")
        os.replace(tmp, ARCHIVE)
    finally:
        Path(tmp).unlink(missing_ok=True)
    print(f"{ARCHIVE.relative_to(ROOT)}: {len(members)} notebooks, {package.name}, "
          "requirements.txt")


if __name__ == "__main__":
    main()
