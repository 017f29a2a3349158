"""Without root or Debian, the set-up and the build say what is missing and how to get it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import build_site  # tools/, on the path through tests/conftest.py
import slides_pdf

ROOT = Path(__file__).resolve().parents[1]


def run_setup_script(tmp_path: Path, tools: list[str]) -> subprocess.CompletedProcess:
    """tools/system-packages.sh as a user (not root) whose PATH has only ``tools``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in tools:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n")  # not root
    (bin_dir / "id").chmod(0o755)
    return subprocess.run([shutil.which("bash"), str(ROOT / "tools" / "system-packages.sh")],
                          env={"PATH": str(bin_dir), "HOME": str(tmp_path),
                               "CHROMIUM": str(tmp_path / "no-chromium")},
                          capture_output=True, text=True, timeout=60)


def test_setup_without_npm_stops_saying_how_to_get_it(tmp_path: Path) -> None:
    done = run_setup_script(tmp_path, ["dpkg-query", "grep"])
    assert done.returncode != 0
    assert "sudo apt-get install nodejs npm" in done.stderr and "nodejs.org" in done.stderr
    assert "without root" in done.stderr


def test_setup_without_chromium_goes_on_saying_how_to_get_it(tmp_path: Path) -> None:
    done = run_setup_script(tmp_path, ["dpkg-query", "grep", "npm"])
    assert done.returncode == 0, done.stderr
    assert "sudo apt-get install" in done.stderr and "CHROMIUM=" in done.stderr


def test_build_says_what_is_missing_before_it_starts(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_site, "MATHJAX", tmp_path / "node_modules" / "mathjax")
    monkeypatch.setattr(slides_pdf, "CHROMIUM", str(tmp_path / "chromium"))
    started = []
    monkeypatch.setattr(build_site, "prepare_caches", lambda: started.append(True))

    with pytest.raises(SystemExit) as stop:
        build_site.main()

    message = str(stop.value)
    assert "npm" in message and "make setup" in message
    assert "Chromium" in message and "apt-get install chromium" in message
    assert not started  # nothing was built, nothing was dropped
