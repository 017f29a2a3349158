"""How long `make book` takes: from nothing, and again with nothing changed.

Prints figures; asserts nothing. The cold build first drops what makes a
build warm, the execution caches and the PDF handouts, so it executes every
page and prints every deck (the rest of _build stays, for whoever uses it);
the cached build then finds everything in place.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_book() -> float:
    t = time.perf_counter()
    subprocess.run(["make", "-s", "book"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    shutil.rmtree(ROOT / "_build" / ".jupyter_cache", ignore_errors=True)
    for pdf in (ROOT / "_build" / "slides").glob("*/*.pdf"):
        pdf.unlink()
    cold = make_book()
    cached = make_book()
    print(f"make book, cold           {cold:8.1f} s   (executes every page)")
    print(f"make book, cached         {cached:8.1f} s   (nothing changed; target < 10 s)")


if __name__ == "__main__":
    main()
