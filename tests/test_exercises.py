"""Exercises: numbered from 1 on every page; solution titles link (and underline) the
exercise alone, in Chinese in Chinese order."""

from __future__ import annotations

from pathlib import Path

EXT = Path(__file__).resolve().parents[1] / "_ext"
PAGE = """{title}
{rule}

.. exercise::
   :label: ex-{name}-a

   First.

.. solution:: ex-{name}-a

   One.

.. exercise::
   :label: ex-{name}-b

   Second.
"""


def build(tmp_path: Path, language: str) -> dict[str, str]:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(f"import sys; sys.path.insert(0, {str(EXT)!r})\n"
                                 "extensions = ['sphinx_exercise', 'exercises']\n"
                                 "numfig = True\n", encoding="utf-8")
    (src / "index.rst").write_text(".. toctree::\n\n   one\n   two\n", encoding="utf-8")
    for name in ("one", "two"):
        (src / f"{name}.rst").write_text(PAGE.format(title=name, rule="=" * len(name),
                                                     name=name), encoding="utf-8")
    import sphinx.locale

    sphinx.locale.translators.clear()  # else a Chinese build's words stay for the next one
    with docutils_namespace():  # leaves docutils' global registries as it found them
        Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "dt"), "html",
               confoverrides={"language": language}, status=None, warning=None,
               freshenv=True).build()
    return {n: (tmp_path / "out" / f"{n}.html").read_text(encoding="utf-8") for n in ("one", "two")}


def test_every_page_numbers_its_exercises_from_one(tmp_path):
    pages = build(tmp_path, "en")
    for html in pages.values():
        assert "Exercise 1" in html and "Exercise 2" in html
    assert "Exercise 3" not in pages["two"]  # not continued from the first page


def test_chinese_solution_title_reads_exercise_first(tmp_path):
    html = build(tmp_path, "zh_CN")["one"]
    assert "练习 1</a> 的解答" in html and "解答<a" not in html


def test_solution_title_links_the_exercise_without_the_space_before_it(tmp_path):
    """sphinx-exercise put the space inside the link: the underline began one space early."""
    html = build(tmp_path, "en")["one"]
    assert '>Exercise 1</a>' in html and "Solution to <a" in html
    assert "> Exercise" not in html
