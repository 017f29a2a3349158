"""d2lmini's wheel and sdist (tools/package.py): what PyPI would get, and nothing else."""

from __future__ import annotations

import email.parser
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import d2lmini

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import package  # noqa: E402


@pytest.fixture(scope="module")
def dist() -> tuple[Path, Path]:
    return package.build()  # built by `make book`; rebuilt here only if the sources changed


def modules() -> set[str]:
    """The package's files as they belong in the wheel: every module and .js file."""
    return {str(p.relative_to(ROOT)) for pattern in ("*.py", "*.js")
            for p in (ROOT / "d2lmini").rglob(pattern) if "__pycache__" not in p.parts}


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as zf:
        return email.parser.Parser().parsestr(
            zf.read(f"d2lmini-{d2lmini.__version__}.dist-info/METADATA").decode())


def test_twine_accepts_both_files(dist):
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_the_metadata_names_the_package_its_version_licence_and_needs(dist):
    wheel, sdist = dist
    assert wheel.name == f"d2lmini-{d2lmini.__version__}-py3-none-any.whl"
    assert sdist.name == f"d2lmini-{d2lmini.__version__}.tar.gz"
    meta = metadata(wheel)
    assert meta["Name"] == "d2lmini" and meta["Version"] == d2lmini.__version__
    assert meta["License-Expression"] == "MIT" and meta["License-File"] == "LICENSE"
    assert "Dive into Deep Learning" in meta["Summary"]
    assert meta["Requires-Python"] == ">=3.10"
    needs = {Requirement(r).name: Requirement(r) for r in meta.get_all("Requires-Dist")}
    assert set(needs) == {"numpy", "matplotlib", "torch", "ipywidgets"}
    # a lower bound only: any installed torch 2 (2.13.0+cpu, Colab's) satisfies it,
    # so pip never replaces it or downloads a second one
    assert [(s.operator, s.version) for s in needs["torch"].specifier] == [(">=", "2.0")]
    assert needs["torch"].specifier.contains("2.13.0+cpu")


def test_the_long_description_is_the_packages_own_readme(dist):
    meta = metadata(dist[0])
    readme = (ROOT / "d2lmini" / "README.md").read_text(encoding="utf-8")
    assert meta["Description-Content-Type"] == "text/markdown"
    assert meta.get_payload().strip() == readme.strip()
    assert "pip install d2lmini" in readme
    # PyPI shows it away from the repository: no relative links or images
    assert re.findall(r"\]\((?!https://)[^)]*\)", readme) == []


def test_the_wheel_holds_every_module_and_script_and_nothing_else(dist):
    names = zipfile.ZipFile(dist[0]).namelist()
    info = f"d2lmini-{d2lmini.__version__}.dist-info/"
    assert {n for n in names if not n.startswith(info)} == modules()
    assert f"{info}licenses/LICENSE" in names
    assert any(n.endswith(".js") for n in names)  # the explorers' browser versions


def test_the_sdist_holds_the_sources_and_nothing_of_the_book(dist):
    top = f"d2lmini-{d2lmini.__version__}/"
    with tarfile.open(dist[1]) as tar:
        files = {m.name.removeprefix(top) for m in tar.getmembers() if m.isfile()}
    build = {n for n in files if n.startswith("d2lmini.egg-info/")}  # setuptools' own record
    assert files - build == modules() | {"pyproject.toml", "LICENSE", "d2lmini/README.md",
                                         "PKG-INFO", "setup.cfg"}


def test_a_changed_source_changes_the_fingerprint_a_missing_one_stops(tmp_path):
    for name in ["pyproject.toml", "LICENSE", "d2lmini/README.md", "d2lmini/__init__.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    files = package.sources(tmp_path)
    before = package.fingerprint(files, tmp_path)
    (tmp_path / "d2lmini" / "__init__.py").write_text("y")
    assert package.fingerprint(files, tmp_path) != before
    (tmp_path / "LICENSE").unlink()
    with pytest.raises(SystemExit, match="cannot package d2lmini: LICENSE missing"):
        package.sources(tmp_path)


def test_an_unchanged_package_is_not_built_again(dist):
    before = [p.stat().st_mtime_ns for p in dist]
    assert package.build() == dist
    assert [p.stat().st_mtime_ns for p in dist] == before
