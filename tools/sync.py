"""Make a folder a copy of another, touching only what changed.

The site build copies the same megabytes on every run (MathJax, reveal.js,
each language's HTML); copying only new or changed files keeps a rebuild
with nothing changed fast. A file counts as changed when its size or
modification time differs (copies keep the source's time).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def sync_tree(source: Path, target: Path) -> None:
    """Make ``target`` hold exactly the files of ``source``."""
    wanted = set()
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        wanted.add(relative)
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        here, there = path.stat(), destination.stat() if destination.exists() else None
        if there is None or (here.st_size, int(here.st_mtime)) != (there.st_size, int(there.st_mtime)):
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    for path in sorted(target.rglob("*"), reverse=True):  # files before their folders
        if path.relative_to(target) not in wanted:
            path.unlink() if path.is_file() or path.is_symlink() else path.rmdir()
