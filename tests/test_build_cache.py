"""tools/exec_cache.py: the execution caches go when what drew their outputs changed."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pytest

import exec_cache  # tools/, on the path through tests/conftest.py

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with d2lmini's sources and requirements.txt; no system fonts."""
    shutil.copytree(ROOT / "d2lmini", tmp_path / "d2lmini",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "requirements.txt", tmp_path / "requirements.txt")
    monkeypatch.setattr(exec_cache, "FONT_FOLDERS", [tmp_path / "fonts"])
    return tmp_path


def changes(root: Path, change) -> bool:
    caches = root / "_build" / ".jupyter_cache"
    exec_cache.invalidate_stale(caches, root)
    (caches / "en").mkdir()
    assert not exec_cache.invalidate_stale(caches, root)  # nothing changed: kept
    change()
    dropped = exec_cache.invalidate_stale(caches, root)
    assert dropped != (caches / "en").exists()
    return dropped


def test_cache_dropped_when_d2lmini_changes(root: Path) -> None:
    path = root / "d2lmini" / "plotting.py"
    assert changes(root, lambda: path.write_text(path.read_text() + "\n# changed\n"))


def test_cache_dropped_when_a_d2lmini_subpackage_changes(root: Path) -> None:
    path = root / "d2lmini" / "explore" / "view.js"
    path.parent.mkdir(exist_ok=True)
    path.write_text("// an explorer's browser version")
    assert changes(root, lambda: path.write_text(path.read_text() + "\n// changed\n"))


def test_cache_dropped_when_a_pinned_version_changes(root: Path) -> None:
    path = root / "requirements.txt"
    assert changes(root, lambda: path.write_text(path.read_text().replace(
        "matplotlib>=3.8,<4", "matplotlib==3.9.0")))


def test_cache_dropped_when_the_installed_packages_change(root: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    site = root / "site-packages"
    (site / "matplotlib-3.11.2.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {"purelib": str(site),
                                                         "platlib": str(site)})
    assert changes(root, lambda: (site / "matplotlib-3.11.2.dist-info").rename(
        site / "matplotlib-3.11.3.dist-info"))


def test_cache_dropped_when_a_font_is_installed(root: Path) -> None:
    def install() -> None:
        (root / "fonts" / "noto").mkdir(parents=True)
        (root / "fonts" / "noto" / "NotoSansCJK-Regular.ttc").write_bytes(b"a font")

    assert changes(root, install)
