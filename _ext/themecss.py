"""The theme's stylesheets cut to what the book uses; its icons from a tiny font.

pydata-sphinx-theme's stylesheet is 397 KB, all of Bootstrap and all of
Font Awesome (a rule for each of its 2,400 glyphs); MyST-NB's is 43 KB and
sphinx-book-theme's 17 KB. All block the first paint of every page. The theme also draws its 15 or
so icons (menu, download, colour mode, search, prev/next) a second time
with fontawesome.js, a 1.5 MB script that swaps each ``<i class="fa-...">``
for an inline SVG. So:

- the template ``static/webpack-macros.html`` (in _ext/templates) leaves
  fontawesome.js out of every page (the stylesheet's font draws the
  icons), and does not preload the theme's two deferred scripts, which
  took 100 KB of a slow link before the first paint;
- after the build, the build's copy of each stylesheet keeps a rule only if
  every class it needs appears somewhere in the built pages or scripts
  (as a word of their text: a generous test, so nothing in use is lost;
  classes under ``:not()`` do not count, and a script's ``"bs-" + name``
  keeps every ``bs-...`` class); @media blocks are cut the same way;
- the solid icon font becomes a subset with the glyphs of the rules kept
  (fontTools, which matplotlib installs), written beside the original.

The packages' own files are read, never changed; each build cuts the
copies again from the originals.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

STYLESHEET = Path("_static") / "styles" / "pydata-sphinx-theme.css"
BOOK_STYLESHEET = Path("_static") / "styles" / "sphinx-book-theme.css"
FONTS = Path("_static") / "vendor" / "fontawesome" / "webfonts"
SUBSET = "fa-solid-900.subset.woff"
WORD = re.compile(r"[\w-]+")
CLASS = re.compile(r"\.((?:\\.|[\w-])+)")
PSEUDO_ARGS = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
GLYPH = re.compile(r'(?:\.fa-[\w-]+:before,?)+\{content:"\\([0-9a-f]+)"\}')
SOLID_FACE = re.compile(r"(@font-face\{[^}]*font-weight:900;src:)[^}]*\}")


def blocks(css: str) -> list[str]:
    """The top-level statements and rules of ``css``, comments on their own."""
    out, start, depth, i, quote = [], 0, 0, 0, ""
    while i < len(css):
        c = css[i]
        if quote:
            quote = "" if c == quote else quote
            i += 1 if c != "\\" else 2
            continue
        if depth == 0 and css.startswith("/*", i):
            end = css.index("*/", i) + 2
            out += [css[start:i], css[i:end]] if css[start:i].strip() else [css[i:end]]
            start = i = end
            continue
        if c in "\"'":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                out.append(css[start:i + 1])
                start = i + 1
        elif c == ";" and depth == 0:
            out.append(css[start:i + 1])
            start = i + 1
        i += 1
    return [b for b in out if b.strip()]


def words_in_use(outdir: Path) -> tuple[set[str], tuple[str, ...]]:
    """The words of every built page and script; the scripts' ``prefix-`` words."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for path in outdir.rglob("*"):
        if path.suffix in (".html", ".js") and path.name != "fontawesome.js":
            found = set(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
            words |= found
            if path.suffix == ".js":
                prefixes |= {w for w in found if w.endswith("-") and len(w) > 2}
    return words, tuple(prefixes)


def prune(css: str, words: set[str], prefixes: tuple[str, ...]) -> str:
    """``css`` without the rules whose selectors all need a class no page has."""

    def needed(selector: str) -> bool:
        classes = CLASS.findall(PSEUDO_ARGS.sub("", selector))
        return all("\\" in c or c in words or c.startswith(prefixes) for c in classes)

    kept = []
    for block in blocks(css):
        head = block.split("{", 1)[0].strip()
        if head.startswith(("@media", "@supports")):
            inner = prune(block[block.index("{") + 1:-1], words, prefixes)
            kept.append(f"{head}{{{inner}}}" if inner else "")
        elif head.startswith("@") or block.startswith("/*") or "{" not in block:
            kept.append(block)
        else:
            selectors = [s for s in head.split(",") if needed(s)]
            kept.append(f"{','.join(selectors)}{block[len(block.split('{', 1)[0]):]}"
                        if selectors else "")
    return "".join(kept)


def theme_file(relative: Path) -> Path:
    """The theme's own copy of a file of the build's _static folder."""
    import pydata_sphinx_theme

    return (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "static" / relative.relative_to("_static"))


def subset_font(source: Path, target: Path, codepoints: set[int]) -> None:
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # not every glyph's name
    options = subset.Options()
    options.flavor = "woff"  # zlib; woff2 would need the brotli module
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def originals(outdir: Path) -> dict[Path, Path]:
    """The stylesheets to cut, in the build: the package file each copies."""
    import myst_nb
    import sphinx_book_theme

    book_theme = Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme"
    found = {outdir / STYLESHEET: theme_file(STYLESHEET),
             outdir / BOOK_STYLESHEET: book_theme / "static" / "styles" / BOOK_STYLESHEET.name}
    for copy in (outdir / "_static").glob("mystnb.*.css"):
        found[copy] = Path(myst_nb.__file__).parent / "static" / "mystnb.css"
    return found


def slim_theme(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    words = words_in_use(outdir)
    for target, original in originals(outdir).items():
        css = prune(original.read_text(encoding="utf-8"), *words)
        if target.name == STYLESHEET.name:
            css = SOLID_FACE.sub(lambda m: f'{m.group(1)}url(../vendor/fontawesome/webfonts/'
                                           f'{SUBSET}) format("woff")}}', css)
            font = outdir / FONTS / SUBSET
            if not font.exists() or target.read_text(encoding="utf-8") != css:
                codepoints = {int(code, 16) for code in GLYPH.findall(css)}
                subset_font(theme_file(FONTS / "fa-solid-900.ttf"), font, codepoints)
        if target.read_text(encoding="utf-8") != css:
            target.write_text(css, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", slim_theme, priority=900)  # after MyST-NB copies its CSS
    return {"parallel_read_safe": True, "parallel_write_safe": True}
