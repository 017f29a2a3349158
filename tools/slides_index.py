"""The index of the lecture slides (slides/index.html): every deck, in the book's order.

One column per language, the decks in the order of ``_toc.yml`` (the order they
are taught in, not the alphabet's), each with its PDF handout, the handout with
the speaker notes (for instructors), and its page in the book. The index links
back to the landing page and to both books, and follows the reader's light or dark
mode: the system's (prefers-color-scheme), or the one chosen with the book's
colour-mode button (pydata-sphinx-theme keeps it in localStorage as ``mode``).
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from slides_pdf import NOTES  # <page>-notes.pdf, printed there

LANGUAGES = {"en": "en", "zh": "zh-CN"}  # code -> html lang
WORDS = {"en": {"title": "Momentum: lecture slides", "book": "the book", "pdf": "PDF handout",
                "notes": "PDF with speaker notes", "read": "Read the book"},
         "zh": {"title": "动量法：课程幻灯片", "book": "书中对应页面", "pdf": "PDF 讲义",
                "notes": "含演讲者备注的 PDF", "read": "阅读本书"}}


def book_order(toc: Path) -> list[str]:
    """Page names in the table of contents' order: the root, then its chapters."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    files = [data["root"], *(entry["file"] for entry in data.get("chapters", []))]
    return [Path(f).name for f in files]


def index_html(decks: list[tuple[str, str, str]], toc: Path) -> str:
    """The index of ``decks`` (lang, page, title), in the order of ``toc``."""
    order = book_order(toc)

    def rank(name: str) -> tuple[int, str]:  # a page outside the toc goes last
        return (order.index(name) if name in order else len(order), name)

    columns = []
    for lang, html_lang in LANGUAGES.items():
        words = WORDS[lang]
        items = "".join(
            f'<li><a class="deck" href="{lang}/{name}.html">{html.escape(title)}</a>'
            f'<span class="files"><a href="{lang}/{name}.pdf">{words["pdf"]}</a> · '
            f'<a href="{lang}/{name}{NOTES}.pdf">{words["notes"]}</a> · '
            f'<a href="../{lang}/chapters/{lang}/{name}.html">{words["book"]}</a></span></li>\n'
            for name, title in sorted(((n, t) for l, n, t in decks if l == lang),
                                      key=lambda d: rank(d[0])))
        columns.append(f'<section lang="{html_lang}"><h2>{words["title"]}</h2>\n'
                       f'<p><a href="../{lang}/index.html">{words["read"]}</a></p>\n'
                       f'<ol>\n{items}</ol></section>')
    return INDEX.format(columns="\n".join(columns))


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Momentum: slides · 动量法：课程幻灯片</title>
<script>
// Light or dark as the book: the colour mode chosen there, else the system's.
try {{
  const mode = localStorage.getItem("mode");
  if (mode === "light" || mode === "dark") document.documentElement.dataset.theme = mode;
}} catch (e) {{}}
</script>
<link rel="stylesheet" href="assets/deck.css">
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
</head>
<body class="deck-index">
<header><a href="../index.html">← Momentum <span lang="zh-CN">· 动量法</span></a></header>
<main>
<h1>Lecture slides <span lang="zh-CN">· 课程幻灯片</span></h1>
<div class="columns">
{columns}
</div>
</main>
</body>
</html>
"""
