"""Lecture slides from the chapter pages: a reveal.js deck per page and language.

    python tools/slides.py              # after the book build: decks, PDFs, index
    python tools/slides.py en/theory    # preview one deck: _build/slides/en/theory.html

A deck is made from the page's source, with the outputs of the notebook that
the book build executed, so it shows the very figures and numbers of the
book (a code cell whose source changed since that build is an error: run
`make book`). Cells join a deck through their
``slideshow`` metadata, as in Jupyter's slideshow view:

    slide     starts a slide           subslide  starts a slide below it
    fragment  appears on a click       "-"       continues the current slide
    notes     the slide's speaker notes
    skip, or no metadata: not in the deck (the book's longer prose)

Markdown cells written only for the slides also carry the tag ``remove-cell``,
which hides them from the book. A code cell shows its source and its outputs;
the tag ``slides-output-only`` shows the outputs alone.

Output: _build/slides/{en,zh}/<page>.html and .pdf, an index, and the
reveal.js and MathJax files they load (from npm), which tools/build_site.py
publishes in the site as _build/html/slides/ (`make book` runs both). A PDF
is printed again only when its deck changed.
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from pathlib import Path

import jupytext
import nbformat
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
from reader_notebook import Book, roles  # noqa: E402  the one conversion of MyST roles

BUILD = ROOT / "_build"
SLIDES = BUILD / "slides"
REVEAL = ROOT / "node_modules" / "reveal.js"
LANGUAGES = {"en": "en", "zh": "zh-CN"}  # code -> html lang
BOOK_LINK = {"en": "This page in the book", "zh": "在书中阅读本页"}  # on the title slide


def _math(content: str, options: dict) -> str:
    content = html.escape(content)
    return f"\\[{content}\\]" if options.get("display_mode") else f"\\({content}\\)"


MARKDOWN = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin, renderer=_math)


def markdown(text: str, book: Book, page: str = "") -> str:
    """HTML of a slide's markdown; MyST roles read as on the site and in the
    reader's notebook ("Fig. 3", "(1)", a section's title), by the same code."""
    return MARKDOWN.render(roles(text, book, page))


def slide_type(cell) -> str | None:
    return cell.metadata.get("slideshow", {}).get("slide_type")


class Deck:
    """The slides of one page, built cell by cell."""

    def __init__(self, name: str, lang: str, book: Book) -> None:
        self.name, self.lang, self.book = name, lang, book
        self.stacks: list[list[dict]] = []  # horizontal slides, each a vertical stack
        self.images: dict[str, str] = {}    # file name -> SVG text

    def add(self, cell) -> None:
        kind = slide_type(cell)
        if kind in (None, "skip"):
            return
        if kind == "slide" or not self.stacks:
            self.stacks.append([])
        if kind == "subslide" or not self.stacks[-1]:
            self.stacks[-1].append({"body": [], "notes": []})
        slide = self.stacks[-1][-1]
        content = self.render(cell)
        if kind == "notes":
            slide["notes"].append(content)
        elif kind == "fragment":
            slide["body"].append(f'<div class="fragment">{content}</div>')
        else:
            slide["body"].append(content)

    def render(self, cell) -> str:
        """A cell's HTML; code with a figure sits beside it, in two columns."""
        if cell.cell_type == "markdown":
            return markdown(cell.source, self.book, f"chapters/{self.lang}/{self.name}.md")
        outputs = "\n".join(filter(None, (self.render_output(cell, o) for o in cell.outputs)))
        if "slides-output-only" in cell.metadata.get("tags", []):
            return outputs
        code = (f'<pre class="code"><code class="language-python">'
                f"{html.escape(cell.source)}</code></pre>")
        if 'class="figure"' in outputs:
            return f'<div class="columns"><div>{code}</div><div>{outputs}</div></div>'
        return code + outputs

    def render_output(self, cell, output) -> str:
        if output.output_type == "stream" and output.name == "stdout":
            return f'<pre class="output">{html.escape(output.text.rstrip())}</pre>'
        data = output.get("data", {})
        if "image/svg+xml" in data:
            svg = data["image/svg+xml"]
            name = f"{self.name}-{hashlib.sha1(svg.encode()).hexdigest()[:12]}.svg"
            self.images[name] = svg
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            return f'<img class="figure" src="img/{name}" alt="{html.escape(alt)}">'
        if "text/html" in data and 'class="d2l-explorer"' in data["text/html"]:
            return data["text/html"]  # an explorer: it runs in the deck as on the site
        if "text/plain" in data and output.output_type == "execute_result":
            return f'<pre class="output">{html.escape(data["text/plain"])}</pre>'
        return ""

    def html(self, title: str) -> str:
        sections = []
        for stack in self.stacks:
            inner = "\n".join(
                f'<section>\n{"".join(s["body"])}\n<aside class="notes">{"".join(s["notes"])}'
                f"</aside>\n</section>" for s in stack)
            sections.append(inner if len(stack) == 1 else f"<section>\n{inner}\n</section>")
        slides = with_book_link("\n".join(sections), self.lang, self.name)
        return TEMPLATE.format(lang=LANGUAGES[self.lang], title=html.escape(title),
                               slides=slides)


def with_book_link(slides: str, lang: str, name: str) -> str:
    """The title slide gets a link to its page in the book (where the site has it).

    On the first slide only, below its content: a corner link would cover the
    content of top-aligned slides.
    """
    link = (f'<p class="deck-book-link"><a href="../../{lang}/chapters/{lang}/{name}.html">'
            f"{BOOK_LINK[lang]}</a></p>\n")
    return slides.replace('<aside class="notes">', link + '<aside class="notes">', 1)


# A deck's page: reveal.js, its plugins and our style (str.format: {lang},
# {title}, {slides}; the braces of its script doubled).
TEMPLATE = (Path(__file__).with_name("deck.html")).read_text(encoding="utf-8")


def executed(lang: str) -> Path:
    """Where the book build keeps each page's full executed notebook, every
    cell and speaker note included, and the book's references (book.json),
    outside the site (_ext/bilingual.py); readers download a notebook
    without the slides' cells."""
    return BUILD / lang / "_build" / "executed"


def executed_notebook(lang: str, name: str) -> Path:
    return executed(lang) / "chapters" / lang / f"{name}.ipynb"


def load_book(lang: str) -> Book:
    path = executed(lang) / "book.json"
    if not path.exists():
        sys.exit(f"{path} is missing: run the book build first (make book)")
    return Book.loads(path.read_text(encoding="utf-8"))


def with_outputs(page, executed, path: Path):
    """The page's cells, each code cell with the outputs the build gave it."""
    code = [c for c in page.cells if c.cell_type == "code"]
    ran = [c for c in executed.cells if c.cell_type == "code"]
    if [c.source for c in code] != [c.source for c in ran]:
        sys.exit(f"{path} changed since the book build executed it: run `make book`")
    for cell, result in zip(code, ran):
        cell.outputs = result.outputs
    return page


def page_title(notebook) -> str:
    for cell in notebook.cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match.group(1).strip()
    return ""


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it; True if written."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


def build_decks(only: str | None = None) -> list[tuple[str, str, str]]:
    """Write every deck (or the one named ``lang/page``); return (lang, page, title)."""
    decks = []
    images: set[str] = set()
    for lang in LANGUAGES:
        book = load_book(lang) if not only or only.startswith(f"{lang}/") else None
        for page in sorted((ROOT / "chapters" / lang).glob("*.md")):
            if only and only != f"{lang}/{page.stem}":
                continue
            source = executed_notebook(lang, page.stem)
            if not source.exists():
                sys.exit(f"{source} is missing: run the book build first (make book)")
            notebook = with_outputs(jupytext.read(page), nbformat.read(source, as_version=4),
                                    page)
            deck = Deck(page.stem, lang, book)
            try:
                for cell in notebook.cells:
                    deck.add(cell)
            except ValueError as error:  # a reference the book does not know
                sys.exit(str(error))
            if not deck.stacks:
                sys.exit(f"chapters/{lang}/{page.name} has no slides: mark cells with "
                         "slideshow metadata (see tools/slides.py)")
            title = page_title(notebook)
            write_if_changed(SLIDES / lang / f"{page.stem}.html", deck.html(title))
            for name, svg in deck.images.items():
                write_if_changed(SLIDES / lang / "img" / name, svg)
            decks.append((lang, page.stem, title))
            images |= {f"{lang}/img/{name}" for name in deck.images}
    if only is None:  # drop figures no deck shows now, and decks of removed pages
        pages = {f"{lang}/{name}" for lang, name, _ in decks}
        for path in SLIDES.glob("*/img/*.svg"):
            if str(path.relative_to(SLIDES)) not in images:
                path.unlink()
        for path in [*SLIDES.glob("*/*.html"), *SLIDES.glob("*/*.pdf")]:
            if deck_of(path) not in pages:
                path.unlink()
    return decks


def deck_of(path: Path) -> str:
    """``lang/page`` of a deck's file: its HTML, its handout or its notes handout."""
    from slides_pdf import NOTES

    return str(path.relative_to(SLIDES).with_suffix("")).removesuffix(NOTES)


def copy_assets() -> None:
    """reveal.js and MathJax, from npm (via the book's staged copy), and our CSS."""
    from sync import copy_file, sync_tree

    assets = SLIDES / "assets"
    for source, target in [(REVEAL / "dist", assets / "reveal" / "dist"),
                           (REVEAL / "plugin", assets / "reveal" / "plugin"),
                           (BUILD / "assets" / "mathjax", assets / "mathjax")]:
        if not source.exists():
            sys.exit(f"{source} is missing: run `make setup` and the book build first")
        sync_tree(source, target)
    copy_file(ROOT / "tools" / "deck.css", assets / "deck.css")
    copy_file(ROOT / "_ext" / "static" / "favicon.svg", assets / "favicon.svg")


def print_pdfs(decks: list[tuple[str, str, str]]) -> None:
    """Print each deck whose PDFs are older than the deck, its style or the printer."""
    from slides_pdf import handouts, print_decks

    shared = max(p.stat().st_mtime for p in [ROOT / "tools" / "deck.css",
                                            ROOT / "tools" / "slides_pdf.py",
                                            REVEAL / "package.json"])

    def stale(deck: Path) -> bool:
        newest = max(shared, deck.stat().st_mtime)
        return any(not pdf.exists() or pdf.stat().st_mtime < newest for pdf in handouts(deck))

    print_decks(SLIDES, [deck for deck in (SLIDES / lang / f"{name}.html"
                                           for lang, name, _ in decks) if stale(deck)])


def write_index(decks: list[tuple[str, str, str]]) -> None:
    from slides_index import index_html

    write_if_changed(SLIDES / "index.html", index_html(decks, ROOT / "_toc.yml"))


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    if len(sys.argv) > 1:  # a preview of one deck, nothing else
        decks = build_decks(only=sys.argv[1])
        if not decks:
            sys.exit(f"no page {sys.argv[1]}: give it as en/basics or zh/theory")
        copy_assets()
        print(f"wrote {SLIDES.relative_to(ROOT)}/{sys.argv[1]}.html")
        return
    decks = build_decks()
    copy_assets()
    write_index(decks)
    print_pdfs(decks)
    # tools/build_site.py publishes them in the site (slides/), with the book
    print(f"{len(decks)} decks in {SLIDES.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
