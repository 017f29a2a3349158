"""The notebooks the site serves: a reader's, complete, numbered as the site is.

Every page of both languages, as published in _build/html: no slide-only
cell or speaker note, no MyST markup left for Jupyter to show raw, every
figure followed by its caption and every solution under its heading, with
the site's numbers, and the page's code with the build's outputs after the
install cell.
"""

from __future__ import annotations

import functools
import html
import re
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "_ext"))
from reader_notebook import WIDGET_VIEW, install_cells  # noqa: E402

PAGES = [(lang, page.stem) for lang in ("en", "zh")
         for page in sorted((ROOT / "chapters" / lang).glob("*.md"))]
MYST = re.compile(r"\{[\w-]+\}`|^\s*(?::::*|```+)\{|^\([\w-]+\)=\s*$|^:(?:label|class|name):",
                  re.M)


def served(lang: str, name: str) -> nbformat.NotebookNode:
    path = SITE / lang / "_sources" / "chapters" / lang / f"{name}.ipynb"
    assert path.exists(), f"{path} is missing: run `make book`"
    return nbformat.read(path, as_version=4)


def site_html(lang: str, name: str) -> str:
    return (SITE / lang / "chapters" / lang / f"{name}.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@functools.cache
def load(lang: str, name: str) -> tuple:
    return lang, name, jupytext.read(ROOT / "chapters" / lang / f"{name}.md"), served(lang, name)


@pytest.fixture(params=PAGES, ids=lambda p: f"{p[0]}/{p[1]}")
def page(request):
    return load(*request.param)


def test_no_slide_cells_notes_or_build_metadata(page):
    lang, name, _, notebook = page
    for cell in notebook.cells:
        assert "remove-cell" not in cell.metadata.get("tags", []), cell.source[:60]
        assert not {"slideshow", "mystnb"} & set(cell.metadata), cell.source[:60]
    assert set(notebook.metadata) == {"kernelspec", "language_info"}
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    nbformat.validate(notebook)


def test_no_myst_markup_is_left(page):
    lang, name, _, notebook = page
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            left = MYST.search(cell.source)
            assert left is None, f"{lang}/{name}: {cell.source[max(0, left.start() - 40):][:100]!r}"


def test_the_code_is_the_pages_after_the_install_cell_with_the_builds_outputs(page):
    lang, name, source, notebook = page
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code[0].source == install_cells(lang)[1].source
    assert [c.source for c in code[1:]] == [c.source for c in source.cells
                                            if c.cell_type == "code"]
    executed = nbformat.read(ROOT / "_build" / lang / "_build" / "executed" / "chapters" / lang
                             / f"{name}.ipynb", as_version=4)
    ran = [c for c in executed.cells if c.cell_type == "code"]
    for cell, built in zip(code[1:], ran):
        assert len(cell.outputs) == len(built.outputs), cell.source[:60]
        for output, original in zip(cell.outputs, built.outputs):
            assert output.output_type == original.output_type
            assert output.get("text") == original.get("text")
            for mime, data in original.get("data", {}).items():  # all but the dead widget view
                assert mime == WIDGET_VIEW or output.data[mime] == data, (cell.source[:60], mime)
    if name != "index":  # the opening page has no code
        assert any(c.outputs for c in code[1:])


def test_every_figure_is_followed_by_its_caption_numbered_as_on_the_site(page):
    lang, name, source, notebook = page
    numbers = dict(re.findall(r'id="(fig-[\w-]+)">.*?<span class="caption-number">([^<]*?)\s*<',
                              site_html(lang, name), re.S))
    figures = {c.source: c.metadata["mystnb"]["figure"] for c in source.cells
               if c.metadata.get("mystnb", {}).get("figure")}
    seen = 0
    for cell, below in zip(notebook.cells, notebook.cells[1:]):
        if cell.cell_type == "code" and cell.source in figures:
            name_ = figures[cell.source]["name"]
            assert below.cell_type == "markdown" and below.source.startswith(
                f"**{numbers[name_]}** "), (name_, below.source[:60])
            seen += 1
    assert seen == len(figures) == len(numbers)


def test_every_exercise_and_solution_is_under_the_sites_heading(page):
    lang, name, source, notebook = page
    titles = [text_of(t) for t in re.findall(r'<p class="admonition-title">(.*?)</p>',
                                             site_html(lang, name), re.S)
              if 'href="#ex-' in t or "caption-number" in t]
    headings = [h for c in notebook.cells if c.cell_type == "markdown"
                for h in re.findall(r"^#### (.+)$", c.source, re.M)]
    assert headings == titles
    solutions = sum(c.source.count("{solution-start}") for c in source.cells)
    assert len([t for t in titles if "解答" in t or "Solution" in t]) == solutions


def test_labelled_equations_carry_the_sites_numbers(page):
    lang, name, _, notebook = page
    tags = [t for c in notebook.cells if c.cell_type == "markdown"
            for t in re.findall(r"\\tag\{(\d+)\}", c.source)]
    assert tags == re.findall(r'<span class="eqno">\((\d+)\)', site_html(lang, name))


def test_the_site_serves_the_wheel_beside_the_notebooks():
    for lang in ("en", "zh"):
        wheels = list((SITE / lang / "_sources" / "chapters" / lang).glob("d2lmini-*.whl"))
        assert len(wheels) == 1, wheels
        built = next((ROOT / "_build" / "dist").glob("d2lmini-*.whl"))
        assert wheels[0].read_bytes() == built.read_bytes()


def test_cross_references_read_as_the_sites_links_in_the_same_order(page):
    """Every {ref}, {numref} and {eq} the site renders as a link (a section's title,
    “基础” in Chinese, Fig. 3, (1), a solution's exercise) reads the same in the
    notebook, in page order: the numbers and titles come from the same build."""
    lang, name, _, notebook = page
    article = site_html(lang, name).split("<article", 1)[1].split("</article>", 1)[0]
    links = [text_of(t) for t in re.findall(
        r'<a class="reference internal" href="[^"]*#(?:sec|fig|equation|ex)-[\w-]+">(.*?)</a>',
        article, re.S)]
    prose = " ".join(" ".join(c.source.split()) for c in notebook.cells
                     if c.cell_type == "markdown")
    at = 0
    for text in links:
        found = prose.find(text, at)
        assert found >= 0, f"{lang}/{name}: {text!r} is not where the site has it"
        at = found + len(text)
