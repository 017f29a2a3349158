"""A page as the notebook a reader downloads: plain Jupyter, nothing of the build.

The pages are MyST notebooks written for two audiences at once: the book
(Sphinx reads the labels, roles and directives) and the slides (cells tagged
``remove-cell`` with ``slideshow`` metadata, speaker notes included). Plain
JupyterLab, classic Notebook, VS Code and Colab understand neither, so the
notebook a reader gets is converted here, in one place, for the download
button, the notebook archive and, for the roles, the slides:

- slide-only cells (``remove-cell``) and their speaker notes are dropped;
- labels ``(name)=`` go; ``{ref}``, ``{numref}`` and ``{eq}`` become the
  text the site shows (a section's title, "Fig. 3", "(1)"), ``{math}``
  becomes ``$...$``;
- a labelled equation gets its number as ``\\tag{1}``;
- exercises and solutions become headings ("Exercise 1", "Solution to
  Exercise 1" / "练习 1 的解答"), a note a quoted paragraph;
- a figure's caption, numbered as on the site, follows its cell;
- the notebook opens with a cell that installs d2lmini when it is missing.

Names and numbers come from the book build (a ``Book``, made by
``_ext/bilingual.py`` from Sphinx's environment), so they match the site.
Anything this module does not know how to convert is an error that names
it: the build fails rather than ship raw markup.
"""

from __future__ import annotations

import base64
import copy
import html
import json
import re
from dataclasses import asdict, dataclass
from typing import Any

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SLIDE_TAGS = {"slides-output-only"}  # tags that only tools/slides.py reads
ADMONITIONS = ("note", "tip", "hint", "important", "warning", "caution", "attention", "danger",
               "error", "seealso")

WORDS = {
    "en": {"solution": "Solution to {exercise}",
           "install": "The next cell installs d2lmini, the book's helper package, if it is "
                      "missing: from the d2lmini wheel (`.whl`) in this notebook's folder, "
                      "downloaded from the same page, or else from PyPI.",
           "present": "d2lmini is already installed", "installed": "installed d2lmini from {origin}",
           "comment": "the newest wheel next to this notebook, else the package index"},
    "zh": {"solution": "{exercise} 的解答",
           "install": "下一个代码单元会在尚未安装 d2lmini（本书的辅助包）时安装它：若本 Jupyter 记事本所在的"
                      "文件夹里有从同一页面下载的 d2lmini 安装包（`.whl`），就从该安装包安装，否则从 "
                      "PyPI 安装。",
           "present": "d2lmini 已安装", "installed": "已从 {origin} 安装 d2lmini",
           "comment": "本记事本旁最新的 wheel 安装包；没有则从软件包索引安装"},
}

INSTALL = '''\
import importlib.util, pathlib, re, subprocess, sys

if importlib.util.find_spec("d2lmini"):
    print("{present}")
else:  # {comment}
    wheels = sorted(pathlib.Path.cwd().glob("d2lmini-*.whl"),
                    key=lambda p: [int(n) for n in re.findall(r"\\d+", p.name.split("-")[1])])
    source, origin = (str(wheels[-1]), wheels[-1].name) if wheels else ("d2lmini", "PyPI")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", source], check=True)
    importlib.invalidate_caches()
    print(f"{installed}")'''


@dataclass(frozen=True)
class Book:
    """What the pages' markup refers to, named and numbered as the site shows it.

    ``targets`` maps a label to ``[kind, text]``: a section and its title as
    a bare ``{ref}`` shows it, or a figure, equation or exercise and its
    number. ``formats`` holds the build's words: ``figure`` ("Fig. %s"),
    ``exercise`` ("Exercise %s") and the admonitions' titles ("Note").
    """

    lang: str
    targets: dict[str, list[str]]
    formats: dict[str, str]

    def target(self, label: str, page: str) -> tuple[str, str]:
        if label not in self.targets:
            raise ValueError(f"{page}: no label {label!r} in the book; fix the reference")
        kind, text = self.targets[label]
        return kind, text

    def numbered(self, kind: str, number: str) -> str:
        return self.formats[kind].replace("%s", number)

    def dumps(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def loads(cls, text: str) -> Book:
        return cls(**json.loads(text))


ROLE = re.compile(r"\{([\w-]+)\}`([^`]*)`")
EXPLICIT = re.compile(r"(.*?)\s*<([^<>]+)>", re.S)


def roles(text: str, book: Book, page: str) -> str:
    """MyST roles as the text the site renders them with."""
    def one(match: re.Match) -> str:
        name, content = match.groups()
        if name == "math":
            return f"${content}$"
        if name not in ("ref", "numref", "eq"):
            raise ValueError(f"{page}: the role {{{name}}} has no notebook form; "
                             "add it to _ext/reader_notebook.py")
        explicit = EXPLICIT.fullmatch(content.strip())
        title, label = (" ".join(explicit[1].split()), explicit[2]) if explicit else ("", content)
        kind, value = book.target(label.strip(), page)
        if name == "eq":
            return f"({value})"
        if name == "numref":
            return (title.replace("{number}", value).replace("%s", value) if title
                    else book.numbered(kind, value))
        return title or (value if kind == "section" else book.numbered(kind, value))
    return ROLE.sub(one, text)


FENCE = re.compile(r"^(`{3,}|:{3,})\{([\w-]+)\}[ \t]*(.*)$")
OPTION = re.compile(r"^:([\w-]+):[ \t]*(.*)$")
LABEL = re.compile(r"^\([\w-]+\)=[ \t]*(\n|$)", re.M)
MATH_LABEL = re.compile(r"\$\$[ \t]*\(([\w-]+)\)[ \t]*$", re.M)


def equation(body: str, label: str | None, book: Book, page: str) -> str:
    """Display math; a multi-line body aligned, a labelled one numbered."""
    if "\\\\" in body:  # as Sphinx does (split), in an environment Jupyter and Colab know
        body = f"\\begin{{aligned}}\n{body}\n\\end{{aligned}}"
    tag = f"\n\\tag{{{book.target(label, page)[1]}}}" if label else ""
    return f"$$\n{body}{tag}\n$$"


def directive(name: str, argument: str, options: dict[str, str], body: str,
              book: Book, page: str) -> str:
    """One MyST directive as plain Markdown."""
    if name == "math":
        return equation(body, options.get("label"), book, page)
    if name in ADMONITIONS:
        title = book.formats.get(name, name.capitalize())
        inner = markdown(body, book, page).split("\n")
        return "\n".join([f"> **{title}**", ">", *(f"> {line}".rstrip() for line in inner)])
    if name == "exercise":
        number = book.target(options.get("label", ""), page)[1]
        named = (f"（{argument}）" if book.lang == "zh" else f" ({argument})") if argument else ""
        title = book.numbered("exercise", number) + named
        return f"#### {title}\n\n{markdown(body, book, page)}".rstrip()
    if name == "solution-start":
        exercise = book.numbered("exercise", book.target(argument, page)[1])
        heading = WORDS[book.lang]["solution"].format(exercise=exercise)
        return f"#### {heading}\n\n{markdown(body, book, page)}".rstrip()
    if name == "solution-end":
        return markdown(body, book, page)
    raise ValueError(f"{page}: the directive {{{name}}} has no notebook form; "
                     "add it to _ext/reader_notebook.py")


def markdown(text: str, book: Book, page: str) -> str:
    """A Markdown cell's MyST as Markdown that Jupyter and Colab render."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            out.append(lines[i])
            i += 1
            continue
        marks, name, argument = fence.groups()
        options, j = {}, i + 1
        while j < len(lines) and OPTION.match(lines[j]):
            key, value = OPTION.match(lines[j]).groups()
            options[key] = value.strip()
            j += 1
        end = next((k for k in range(j, len(lines)) if set(lines[k].strip()) == {marks[0]}
                    and len(lines[k].strip()) >= len(marks)), None)
        if end is None:
            raise ValueError(f"{page}: the directive {{{name}}} is not closed by {marks}")
        body = "\n".join(lines[j:end]).strip("\n")
        converted = directive(name, argument.strip(), options, body, book, page)
        i = end + 1
        if converted:
            out.append(converted)
        elif out and not out[-1] and i < len(lines) and not lines[i]:
            i += 1  # nothing left (a solution's end): one blank line between its neighbours
    text = LABEL.sub("", "\n".join(out))
    text = MATH_LABEL.sub(lambda m: f"\\tag{{{book.target(m[1], page)[1]}}} $$", text)
    return roles(text, book, page).strip("\n")


def caption(cell: Any, book: Book, page: str) -> str | None:
    """The Markdown under a figure's cell: "**Fig. 3** The caption."."""
    figure = cell.metadata.get("mystnb", {}).get("figure", {})
    if not figure.get("caption"):
        return None
    number = book.target(figure["name"], page)[1] if figure.get("name") else ""
    head = f"**{book.numbered('figure', number)}** " if number else ""
    return head + roles(figure["caption"], book, page)


def clean(metadata: dict) -> dict:
    """A cell's metadata without what only the book and the slides read."""
    kept = {k: v for k, v in metadata.items() if k not in ("slideshow", "mystnb")}
    tags = [t for t in kept.pop("tags", []) if t not in SLIDE_TAGS]
    return {**kept, "tags": tags} if tags else kept


def reader_output(output: Any, alt: str) -> Any:
    """An output as a downloaded notebook should carry it.

    - An explorer's ipywidgets view goes: it refers to a widget of the
      kernel that made it, gone now, and JupyterLab would show "Error
      displaying widget: model not found" in its place. Its HTML version
      (the site's) stays, and running the cell brings the live panel back.
    - A figure (SVG) gets an HTML ``<img>`` of itself with its alt text:
      JupyterLab shows no SVG in a notebook it does not trust (every
      downloaded one) but does show an image, so the figure is seen before
      anything runs, and described to a screen reader.
    """
    data = output.get("data", {})
    if WIDGET_VIEW not in data and not ("image/svg+xml" in data and "text/html" not in data):
        return output
    output = copy.deepcopy(output)
    data = output["data"]
    data.pop(WIDGET_VIEW, None)
    if "image/svg+xml" in data and "text/html" not in data:
        svg = base64.b64encode(data["image/svg+xml"].encode()).decode()
        data["text/html"] = f'<img src="data:image/svg+xml;base64,{svg}" alt="{html.escape(alt)}">'
    return output


def install_cells(lang: str) -> list[Any]:
    """The Markdown sentence and the code cell that open every reader notebook."""
    from nbformat.v4 import new_code_cell, new_markdown_cell

    words = WORDS[lang]
    return [new_markdown_cell(words["install"]), new_code_cell(INSTALL.format(**words))]


def reader_notebook(executed: Any, book: Book, page: str) -> Any:
    """The executed page (every cell, outputs merged) as a reader's notebook."""
    import nbformat

    cells = install_cells(book.lang)
    for original in executed.cells:
        if "remove-cell" in original.metadata.get("tags", []):
            continue
        cell = copy.deepcopy(original)
        cell.metadata = clean(cell.metadata)
        if cell.cell_type == "markdown":
            cell.source = markdown(cell.source, book, page)
        if cell.cell_type == "code":
            alt = original.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            cell.outputs = [reader_output(o, alt) for o in cell.outputs]
        if cell.source.strip():
            cells.append(cell)
        below = caption(original, book, page) if cell.cell_type == "code" else None
        if below:
            cells.append(nbformat.v4.new_markdown_cell(below))
    for number, cell in enumerate(cells):  # stable ids: a rebuild rewrites nothing
        cell["id"] = f"cell-{number}"
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": KERNELSPEC,
                         "language_info": executed.metadata.get("language_info",
                                                                {"name": "python"})}
    return notebook
