"""Make a folder a copy of another, touching only what changed.

The site build copies the same megabytes on every run (MathJax, reveal.js,
each language's HTML); copying only new or changed files keeps a rebuild
with nothing changed fast. A file counts as changed when its size or
modification time differs (copies keep the source's time).

Each file is copied to a temporary name beside its target and renamed into
place, so an interrupted copy never leaves a half-written file under a real
name, and a target that shares its files with another folder through hard
links (tools/build_site.py's staging copy of the site) never changes the
other folder. Temporary files (``*.part``, ours and tools/slides.py's) are
never copied.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

TEMPORARY = ".part"


def copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (with its times) by a rename: all or nothing.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a").write_text("x"); copy_file(folder / "a", folder / "b")
    >>> (folder / "b").read_text()
    'x'
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + TEMPORARY)
    shutil.copy2(source, tmp)
    tmp.replace(target)


def sync_tree(source: Path, target: Path) -> None:
    """Make ``target`` hold exactly the files of ``source``."""
    wanted = set()
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if path.name.endswith(TEMPORARY):
            continue
        wanted.add(relative)
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        here, there = path.stat(), destination.stat() if destination.exists() else None
        if there is None or (here.st_size, int(here.st_mtime)) != (there.st_size, int(there.st_mtime)):
            copy_file(path, destination)
    for path in sorted(target.rglob("*"), reverse=True):  # files before their folders
        if path.relative_to(target) not in wanted:
            path.unlink() if path.is_file() or path.is_symlink() else path.rmdir()


def publish(site: Path, folders: dict[str, Path], files: dict[str, Path]) -> None:
    """Make ``site`` hold exactly ``folders`` and ``files`` (name -> source), at once.

    The new site is put together beside the old one, in ``<site>.next``: hard
    links to the old site's files, with what changed copied in by renames.
    Two renames then swap it in. A build stopped at any point leaves the
    last complete site in place (or, between the two renames, restores it
    next time), never a half-copied one under the site's name.
    """
    staging = site.with_name(site.name + ".next")
    old = site.with_name(site.name + ".old")
    if old.exists() and not site.exists():  # stopped between the two renames below
        old.rename(site)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        shutil.copytree(site, staging, symlinks=True, copy_function=os.link)
    staging.mkdir(parents=True, exist_ok=True)
    for name, source in folders.items():
        sync_tree(source, staging / name)
    for name, source in files.items():
        copy_file(source, staging / name)
    for path in staging.iterdir():
        if path.name not in folders and path.name not in files:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
