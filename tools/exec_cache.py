"""Keep the book's execution caches (_build/.jupyter_cache/<lang>) trustworthy.

MyST-NB keys a cached notebook on its code cells alone, so two things could
make a build serve outputs that the pages' code would not draw today:

- a change anywhere else that changes outputs: d2lmini's sources, the
  installed packages (torch, matplotlib, ... and the CJK font package), the
  Python version, or the system's fonts. Their fingerprint is kept beside
  the caches, and the caches are dropped when it changes;
- an interrupted build: jupyter-cache records an entry in its database
  before it writes the notebook, so a build stopped in between (Ctrl-C, a
  kill, a full disk) leaves an entry whose notebook is missing or cut
  short, which the next build would fail to read. Such entries are dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import sqlite3
import sys
import sysconfig
from pathlib import Path

# Where Debian, fontconfig and matplotlib look for the system's fonts.
FONT_FOLDERS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]


def fingerprint(root: Path) -> str:
    """A digest of everything besides a page's code that changes its outputs.

    >>> len(fingerprint(Path(".")))
    64
    """
    digest = hashlib.sha256(sys.version.encode())
    package = root / "d2lmini"
    for path in sorted(package.rglob("*")):  # its subpackages too (d2lmini.explore)
        if path.suffix in {".py", ".js"} and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + path.read_bytes())
    requirements = root / "requirements.txt"
    if requirements.exists():
        digest.update(requirements.read_bytes())
    paths = sysconfig.get_paths()
    for folder in sorted({paths["purelib"], paths["platlib"]}):  # name-version.dist-info
        digest.update(" ".join(sorted(p.name for p in Path(folder).glob("*.dist-info"))).encode())
    for folder in FONT_FOLDERS:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()


def invalidate_stale(caches: Path, root: Path) -> bool:
    """Drop ``caches`` when the fingerprint changed since they were filled; True if dropped."""
    stamp = caches / "environment.sha256"
    current = fingerprint(root)
    if stamp.exists() and stamp.read_text() == current:
        return False
    shutil.rmtree(caches, ignore_errors=True)
    caches.mkdir(parents=True)
    stamp.write_text(current)
    return True


def _readable(path: Path) -> bool:
    """Whether ``path`` holds a whole notebook (a cut-short one is not valid JSON)."""
    try:
        notebook = json.loads(path.read_text(encoding="utf8"))
    except (OSError, ValueError):
        return False
    return isinstance(notebook, dict) and isinstance(notebook.get("cells"), list)


def drop_broken_entries(cache: Path) -> list[str]:
    """Remove the entries of one jupyter-cache whose notebook cannot be read.

    Returns the removed entries' hash keys. A cache whose database cannot be
    read is removed whole (the next build executes its pages). The database
    is read with sqlite3 rather than jupyter-cache, whose import costs a
    cached rebuild 0.4 s.
    """
    database, executed = cache / "global.db", cache / "executed"
    if not database.exists():
        return []
    try:
        with contextlib.closing(sqlite3.connect(database)) as db:
            records = db.execute("SELECT pk, hashkey FROM nbcache").fetchall()
            broken = [(pk, key) for pk, key in records
                      if not _readable(executed / key / "base.ipynb")]
            db.executemany("DELETE FROM nbcache WHERE pk = ?", [(pk,) for pk, _ in broken])
            db.commit()
    except sqlite3.Error:
        shutil.rmtree(cache)
        return ["*"]
    kept = {key for _, key in records} - {key for _, key in broken}
    for folder in executed.iterdir() if executed.is_dir() else []:
        if folder.name not in kept:  # a broken entry's, or one written without its record
            shutil.rmtree(folder)
    return [key for _, key in broken]
