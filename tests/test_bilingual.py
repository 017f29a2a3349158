"""_ext/bilingual.py: mirror URLs, and a strict build failing on a lone page."""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.cmd.build import build_main

EXT = Path(__file__).resolve().parents[1] / "_ext"
sys.path.insert(0, str(EXT))
from bilingual import mirror_docname, mirror_url  # noqa: E402


def test_mirror_of_a_chapter_page():
    assert mirror_docname("chapters/en/basics", "en", "zh") == "chapters/zh/basics"
    assert mirror_docname("search", "en", "zh") is None
    # from en/chapters/en/basics.html up to the site root, then down into zh/
    assert mirror_url("chapters/en/basics", "zh", "chapters/zh/basics") == \
        "../../../zh/chapters/zh/basics.html"


def strict_build(tmp_path: Path, files: dict[str, str]) -> tuple[int, str]:
    src = tmp_path / "src"
    for name, text in {"conf.py": f"import sys; sys.path.insert(0, {str(EXT)!r})\n"
                                  "extensions = ['bilingual']\nlanguage = 'en'\n",
                       "index.rst": ".. toctree::\n   :glob:\n\n   chapters/en/*\n",
                       **files}.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    warnings = tmp_path / "warnings.txt"
    code = build_main(["-W", "-q", "-b", "html", "-w", str(warnings), str(src), str(tmp_path / "out")])
    return code, warnings.read_text(encoding="utf-8")


def test_a_page_without_mirror_fails_the_strict_build(tmp_path):
    code, warnings = strict_build(tmp_path, {"chapters/en/lonely.rst": "Lonely\n======\n"})
    assert code != 0
    assert "chapters/en/lonely has no mirror: write chapters/zh/lonely.md" in warnings


def test_a_page_with_its_mirror_builds(tmp_path):
    code, warnings = strict_build(tmp_path, {"chapters/en/page.rst": "Page\n====\n",
                                             "chapters/zh/page.md": "# 页\n"})
    assert code == 0, warnings
