"""Chinese cross-references: a bare {ref} to a section renders its quoted title."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EXT = Path(__file__).resolve().parents[1] / "_ext"


def build(tmp_path: Path, language: str) -> str:
    """Build a two-page Sphinx project in ``language``; return the citing page's HTML."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(f"import sys; sys.path.insert(0, {str(EXT)!r})\n"
                                 "extensions = ['zhrefs']\n", encoding="utf-8")
    (src / "index.rst").write_text(
        ".. toctree::\n\n   basics\n\n.. _sec-basics:\n\n基础\n====\n\n在这里。\n",
        encoding="utf-8")
    (src / "basics.rst").write_text(
        "另一页\n======\n\n见 :ref:`sec-basics` 一节；:ref:`自己的标题 <sec-basics>`；"
        ":ref:`fig-free` 。\n", encoding="utf-8")
    with docutils_namespace():  # leaves docutils' global registries as it found them
        Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"),
               "html", confoverrides={"language": language}, status=None, warning=None,
               freshenv=True).build()
    return (tmp_path / "out" / "basics.html").read_text(encoding="utf-8")


def test_chinese_build_quotes_the_title_of_a_bare_section_reference(tmp_path):
    html = build(tmp_path, "zh_CN")
    assert "“基础”" in html
    assert "自己的标题" in html and "“自己的标题”" not in html  # an explicit title stays


def test_english_build_is_left_alone(tmp_path):
    html = build(tmp_path, "en")
    assert "“基础”" not in html and ">基础<" in html


@pytest.mark.parametrize("page", sorted((EXT.parent / "chapters" / "zh").glob("*.md")),
                         ids=lambda p: p.name)
def test_chinese_pages_leave_the_quotes_to_the_build(page):
    """Hand-written quotes would double (““基础””), and spaces around the
    reference would break the Chinese line (在 “基础” 中)."""
    import re

    text = page.read_text(encoding="utf-8")
    cjk = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    assert not re.search(r"“\{ref\}`sec-", text), "drop the quotes: the build adds them"
    assert not re.search(rf"{cjk} \{{ref\}}`sec-|\{{ref\}}`sec-[\w-]+` {cjk}", text), \
        "no space between Chinese and a {ref}"
