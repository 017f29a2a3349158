"""A one-page copy of the book, to run the real build in seconds.

The copy has the book's own tools/, _ext/ and _config.yml, and one page per
language with a figure and a slide, so ``tools/build_site.py`` runs as
``make book`` does: strict Sphinx builds that execute the page, the slides
and their PDFs, and the site swapped in. d2lmini and node_modules are the
repository's, through symbolic links.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# {title}

A page with one figure.

+++ {{"slideshow": {{"slide_type": "slide"}}, "tags": ["remove-cell"]}}

## {title}

+++ {{"slideshow": {{"slide_type": "notes"}}, "tags": ["remove-cell"]}}

The figure.

```{{code-cell}} ipython3
:mystnb:
:  figure:
:    caption: A rising line.
:    name: fig-line
:  image:
:    alt: A straight line from the lower left to the upper right.
:slideshow:
:  slide_type: "-"

import d2lmini as d2l

d2l.set_language('{lang}')
d2l.set_figsize()
d2l.plt.plot([0, 1], [0, 1])
d2l.plt.xlabel('{xlabel}');
```
{extra}"""

TITLES = {"en": ("A line", "step"), "zh": ("一条直线", "步数")}


def write_pages(book: Path, extra: str = "") -> None:
    """(Re)write the page of each language; ``extra`` is appended to both."""
    for lang, (title, xlabel) in TITLES.items():
        page = book / "chapters" / lang / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        text = PAGE.format(title=title, lang=lang, xlabel=xlabel,
                           extra=extra.replace("{lang}", lang))
        page.write_text(text, encoding="utf-8")


def make_book(folder: Path) -> Path:
    """Lay out the one-page book in ``folder``; return it."""
    for name in ["tools", "_ext"]:
        shutil.copytree(ROOT / name, folder / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["_config.yml", "requirements.txt"]:
        shutil.copy2(ROOT / name, folder / name)
    for name in ["node_modules", "d2lmini", "pyproject.toml", "LICENSE"]:  # d2lmini's wheel too
        (folder / name).symlink_to(ROOT / name)
    (folder / "_toc.yml").write_text("format: jb-book\nroot: chapters/en/index\n")
    write_pages(folder)
    return folder


def build_command(book: Path) -> list[str]:
    return [sys.executable, str(book / "tools" / "build_site.py")]


def build(book: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the book's build to its end, with ``env`` added to the environment."""
    return subprocess.run(build_command(book), cwd=book, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=600)
