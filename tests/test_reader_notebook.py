"""_ext/reader_notebook.py: MyST pages become notebooks that plain Jupyter renders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
import reader_notebook as rn  # noqa: E402

BOOK = rn.Book(lang="en",
               targets={"sec-basics": ["section", "Basics"], "fig-line": ["figure", "3"],
                        "eq-momentum": ["equation", "1"], "ex-grid": ["exercise", "2"]},
               formats={"figure": "Fig. %s", "exercise": "Exercise %s", "note": "Note"})
ZH = rn.Book(lang="zh", targets={"sec-basics": ["section", "“基础”"], "fig-line": ["figure", "3"],
                                 "ex-grid": ["exercise", "2"]},
             formats={"figure": "图 %s", "exercise": "练习 %s", "note": "备注"})


def test_roles_read_as_the_site_shows_them():
    text = ("See {ref}`sec-basics`, {numref}`fig-line`, {eq}`eq-momentum`, {math}`x^2`, "
            "{ref}`the last\nsection <sec-basics>` and {numref}`Figure {number} <fig-line>`.")
    assert rn.roles(text, BOOK, "p") == ("See Basics, Fig. 3, (1), $x^2$, the last section "
                                         "and Figure 3.")
    assert rn.roles("如{numref}`fig-line`所示，见{ref}`sec-basics`一节", ZH, "p") == \
        "如图 3所示，见“基础”一节"


def test_an_unknown_role_or_label_is_an_error_that_names_it():
    with pytest.raises(ValueError, match=r"p: the role \{doc\} has no notebook form"):
        rn.roles("{doc}`index`", BOOK, "p")
    with pytest.raises(ValueError, match="p: no label 'sec-nowhere'"):
        rn.roles("{ref}`sec-nowhere`", BOOK, "p")


def test_labels_go_and_labelled_equations_get_their_number():
    text = ("(sec-basics)=\n# Basics\n\n```{math}\n:label: eq-momentum\n"
            "v &= \\beta v + g, \\\\\nx &= x - \\eta v .\n```\n\nand $$a = b$$ (eq-momentum)")
    out = rn.markdown(text, BOOK, "p")
    assert out.startswith("# Basics\n")
    assert ("$$\n\\begin{aligned}\nv &= \\beta v + g, \\\\\nx &= x - \\eta v .\n"
            "\\end{aligned}\n\\tag{1}\n$$") in out
    assert out.endswith("and $$a = b\\tag{1} $$")
    assert "(sec-basics)=" not in out and ":label:" not in out


def test_exercises_solutions_and_notes_become_headings_and_quotes():
    text = (":::{exercise}\n:label: ex-grid\n\nTry {ref}`sec-basics`.\n:::\n\n"
            ":::{solution-start} ex-grid\n:class: dropdown\n:::\n\nThe answer.\n\n"
            ":::{solution-end}\n:::\n\n```{note}\nTwo\nlines.\n```")
    assert rn.markdown(text, BOOK, "p") == ("#### Exercise 2\n\nTry Basics.\n\n"
                                            "#### Solution to Exercise 2\n\nThe answer.\n\n"
                                            "> **Note**\n>\n> Two\n> lines.")
    zh = rn.markdown(":::{solution-start} ex-grid\n:::", ZH, "p")
    assert zh == "#### 练习 2 的解答"  # the site's Chinese title (_ext/exercises.py)
    titled = ":::{exercise} A grid\n:label: ex-grid\nTry it.\n:::"
    assert rn.markdown(titled, ZH, "p") == "#### 练习 2（A grid）\n\nTry it."
    assert rn.markdown(titled, BOOK, "p") == "#### Exercise 2 (A grid)\n\nTry it."


def test_an_unknown_or_unclosed_directive_is_an_error():
    with pytest.raises(ValueError, match=r"the directive \{figure\} has no notebook form"):
        rn.markdown("```{figure} a.png\n```", BOOK, "p")
    with pytest.raises(ValueError, match=r"the directive \{note\} is not closed by :::"):
        rn.markdown(":::{note}\nnever closed", BOOK, "p")


def executed_page() -> nbformat.NotebookNode:
    figure = new_code_cell("plot()", metadata={
        "mystnb": {"figure": {"caption": "A line, from {eq}`eq-momentum`.", "name": "fig-line"},
                   "image": {"alt": 'A "rising" line.'}},
        "slideshow": {"slide_type": "-"}, "tags": ["slides-output-only"]})
    figure.outputs = [new_output("stream", name="stdout", text="done\n"),
                      new_output("display_data", data={"image/svg+xml": "<svg/>",
                                                       "text/plain": "<Figure>"})]
    explorer = new_code_cell("d2l.trajectory_explorer()")
    explorer.outputs = [new_output("execute_result", execution_count=2, data={
        rn.WIDGET_VIEW: {"model_id": "abc"}, "text/html": "<div>explorer</div>",
        "text/plain": "<trajectory explorer>"})]
    notebook = new_notebook(cells=[
        new_markdown_cell("(sec-basics)=\n# Basics"),
        new_markdown_cell("## Slide", metadata={"slideshow": {"slide_type": "slide"},
                                                "tags": ["remove-cell"]}),
        new_markdown_cell("Say this.", metadata={"slideshow": {"slide_type": "notes"},
                                                 "tags": ["remove-cell"]}),
        figure, explorer])
    notebook.metadata = {"jupytext": {"text_representation": {"format_name": "myst"}},
                         "kernelspec": {"name": "python3", "display_name": "Python 3"},
                         "language_info": {"name": "python", "version": "3.11.7"},
                         "widgets": {"state": {}}}
    return notebook


def test_a_reader_notebook_has_no_slide_cells_and_a_caption_after_each_figure():
    reader = rn.reader_notebook(executed_page(), BOOK, "p")
    sources = [c.source for c in reader.cells]
    assert sources[0] == rn.WORDS["en"]["install"]
    assert sources[1] == rn.install_cells("en")[1].source
    assert sources[2:] == ["# Basics", "plot()", "**Fig. 3** A line, from (1).",
                           "d2l.trajectory_explorer()"]
    assert [c.metadata for c in reader.cells] == [{}] * 6
    assert [c.id for c in reader.cells] == [f"cell-{i}" for i in range(6)]
    assert reader.metadata == {"kernelspec": rn.KERNELSPEC,
                               "language_info": {"name": "python", "version": "3.11.7"}}
    nbformat.validate(reader)


def test_outputs_stay_figures_show_untrusted_and_dead_widget_views_go():
    reader = rn.reader_notebook(executed_page(), BOOK, "p")
    printed, figure = reader.cells[3].outputs
    assert printed.text == "done\n"
    assert figure.data["image/svg+xml"] == "<svg/>"
    assert figure.data["text/html"] == ('<img src="data:image/svg+xml;base64,PHN2Zy8+" '
                                        'alt="A &quot;rising&quot; line.">')
    explorer = reader.cells[5].outputs[0]
    assert set(explorer.data) == {"text/html", "text/plain"}
    assert explorer.execution_count == 2


def test_the_book_survives_its_trip_to_the_slides():
    assert rn.Book.loads(ZH.dumps()) == ZH


def run_install_cell(lang: str, folder: Path, monkeypatch, importable: bool) -> tuple[list, str]:
    """Run the install cell in-process with pip replaced by a recorder."""
    import importlib.util

    calls = []
    monkeypatch.chdir(folder)
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: calls.append(args))
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: find_spec(name, *a) if importable else None)
    printed = []
    monkeypatch.setattr("builtins.print", lambda *args: printed.append(" ".join(args)))
    exec(rn.install_cells(lang)[1].source, {})  # noqa: S102  the cell a reader runs
    return calls, "\n".join(printed)


def test_the_install_cell_does_nothing_when_d2lmini_is_importable(tmp_path, monkeypatch):
    (tmp_path / "d2lmini-0.1.0-py3-none-any.whl").touch()
    calls, printed = run_install_cell("en", tmp_path, monkeypatch, importable=True)
    assert calls == [] and printed == "d2lmini is already installed"


def test_the_install_cell_takes_the_newest_wheel_beside_the_notebook(tmp_path, monkeypatch):
    for version in ("0.9.0", "0.10.0", "0.2.1"):
        (tmp_path / f"d2lmini-{version}-py3-none-any.whl").touch()
    calls, printed = run_install_cell("zh", tmp_path, monkeypatch, importable=False)
    wheel = tmp_path / "d2lmini-0.10.0-py3-none-any.whl"  # not 0.9.0, as text would sort
    assert calls == [[sys.executable, "-m", "pip", "install", "--quiet", str(wheel)]]
    assert printed == "已从 d2lmini-0.10.0-py3-none-any.whl 安装 d2lmini"


def test_the_install_cell_falls_back_to_the_package_index(tmp_path, monkeypatch):
    calls, printed = run_install_cell("en", tmp_path, monkeypatch, importable=False)
    assert calls == [[sys.executable, "-m", "pip", "install", "--quiet", "d2lmini"]]
    assert printed == "installed d2lmini from PyPI"
