"""d2lmini as a wheel and an sdist, ready for PyPI and served by the site.

    python tools/package.py     # make book runs it (tools/build_site.py)

Writes _build/dist/d2lmini-<version>-py3-none-any.whl and
d2lmini-<version>.tar.gz from pyproject.toml, LICENSE and d2lmini/ (its
modules, its explorers' .js files and the package's README.md). The site
serves the wheel beside every notebook, whose first cell installs it; the
notebook archive carries it; `twine upload _build/dist/*` would publish both.

The package is built only when one of those files changed (a fingerprint
of their contents is kept beside the files), so an unchanged rebuild of the
book costs a few milliseconds here. It is built from a copy of exactly those
files, with what requirements.txt installed (`python -m build
--no-isolation`: no network, no build environment), so the checkout gets no
egg-info and nothing else can slip into the package.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "_build" / "dist"
STAMP = DIST / ".fingerprint"


def sources(root: Path = ROOT) -> list[Path]:
    """The files the package is made of, relative to ``root``."""
    package = root / "d2lmini"
    files = [p for pattern in ("*.py", "*.js") for p in package.rglob(pattern)
             if "__pycache__" not in p.parts]
    files += [root / "pyproject.toml", root / "LICENSE", package / "README.md"]
    missing = [str(p.relative_to(root)) for p in files if not p.is_file()]
    if missing:
        sys.exit(f"cannot package d2lmini: {', '.join(missing)} missing in {root}")
    return sorted(p.relative_to(root) for p in files)


def fingerprint(files: list[Path], root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(str(name).encode() + b"\0" + (root / name).read_bytes() + b"\0")
    return digest.hexdigest()


def built() -> tuple[Path, Path] | None:
    """The wheel and the sdist in _build/dist, if there is exactly one of each."""
    wheels, sdists = list(DIST.glob("d2lmini-*.whl")), list(DIST.glob("d2lmini-*.tar.gz"))
    return (wheels[0], sdists[0]) if len(wheels) == 1 and len(sdists) == 1 else None


def build() -> tuple[Path, Path]:
    """Wheel and sdist of the current sources, built only if they changed."""
    files = sources()
    stamp = fingerprint(files)
    if built() and STAMP.exists() and STAMP.read_text() == stamp:
        return built()
    with tempfile.TemporaryDirectory(prefix="d2lmini-") as tmp:
        copy, out = Path(tmp) / "src", Path(tmp) / "dist"
        for name in files:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
        done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir",
                               str(out), str(copy)], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"building d2lmini failed:\n{done.stdout}{done.stderr}\n"
                     "(`make setup` installs `build` and setuptools from requirements.txt)")
        DIST.mkdir(parents=True, exist_ok=True)
        for old in [*DIST.glob("d2lmini-*"), STAMP]:
            old.unlink(missing_ok=True)
        for made in out.iterdir():
            shutil.move(made, DIST / made.name)
    STAMP.write_text(stamp)
    return built()


def main() -> None:
    for path in build():
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
