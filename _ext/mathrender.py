"""Math typeset at build time: the pages carry MathJax's output, not MathJax.

The book used to load MathJax (1.2 MB with its fonts' CSS) on every page and
typeset 20 to 500 formulas in the reader's browser, so a reader on a slow
link looked at TeX source for seconds, and every formula was a tab stop
(MathJax's menu). Here Node.js runs MathJax (npm's ``mathjax-full``, from
package.json) during the Sphinx build, through ``mathrender.js``:

- every formula becomes MathJax's CHTML markup in the HTML, with MathJax's
  assistive MathML beside it, visually hidden, for screen readers (they read
  MathML; a TeX string as a label would be read out as backslashes);
- one stylesheet per book, ``_static/mathjax/chtml.css``, styles the
  characters that the book's formulas use, with MathJax's web fonts beside
  it (``_static/mathjax/woff-v2/``), each cut to those characters with
  fontTools (a browser fetches only the fonts a page draws with: 150 KB
  for Theory, 40 KB once cut);
- no script, no menu, nothing focusable: formulas are not tab stops.

A cache (``<build>/mathjax-cache.json``: each formula's markup and what it
needs of the stylesheet, and the last stylesheet) keeps a rebuild from
starting Node.js at all when no formula changed; otherwise the new formulas
of the whole book are typeset in one Node.js run, before pages are written.
A TeX error fails the strict build, with the page and the formula; missing
Node.js or mathjax-full stops it with what to install. Display math is shaped as sphinx.ext.mathjax does
(parts split at blank lines are aligned; ``\\`` gets a ``split``), so the
formulas read as they did with MathJax in the browser.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).with_name("mathrender.js")
MATHJAX = ROOT / "node_modules" / "mathjax-full"
FONTS = MATHJAX / "es5" / "output" / "chtml" / "fonts" / "woff-v2"
STYLESHEET = "mathjax/chtml.css"  # below _static/; its fonts in mathjax/woff-v2/
CONTENT = re.compile(r'content: ?"((?:[^"\\]|\\.)*)"')
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)")


def check_prerequisites() -> None:
    """Say what to install when Node.js or mathjax-full is missing."""
    if shutil.which("node") is None:
        raise ExtensionError(
            "the book's math is typeset at build time by Node.js, which is not on PATH: "
            "install it (Debian: `sudo apt-get install nodejs npm`; without root: a Node.js "
            "release from nodejs.org, unpacked in your home and on your PATH), then run "
            "`make setup`")
    if not (MATHJAX / "package.json").exists():
        raise ExtensionError(
            f"the book's math is typeset at build time with MathJax from npm, and "
            f"{MATHJAX} is missing: run `make setup` (it runs `npm ci`, which installs "
            f"mathjax-full from package.json)")


def fingerprint() -> str:
    """What the cached markup depends on besides the TeX: the script and MathJax."""
    version = json.loads((MATHJAX / "package.json").read_text(encoding="utf-8"))["version"]
    return hashlib.sha1(SCRIPT.read_bytes() + version.encode()).hexdigest()


def display_tex(node: nodes.math_block) -> str:
    """The TeX that sphinx.ext.mathjax would put between ``\\[`` and ``\\]``."""
    if node["nowrap"]:
        return node.astext()
    parts = [p for p in node.astext().split("\n\n") if p.strip()]
    parts = [rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts]
    if len(parts) > 1:
        return r"\begin{align}\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}\end{align}"
    return parts[0] if parts else ""


def formula(node: nodes.Element) -> tuple[str, bool]:
    """(tex, display) of a math node."""
    if isinstance(node, nodes.math_block):
        return display_tex(node), True
    return node.astext(), False


def key(tex: str, display: bool) -> str:
    return hashlib.sha1(f"{int(display)}{tex}".encode()).hexdigest()


class Typesetter:
    """Formulas to markup, through the cache or one Node.js run per batch."""

    def __init__(self, cache_file: Path) -> None:
        self.file = cache_file
        self.stamp = fingerprint()
        saved: dict[str, Any] = {}
        try:
            saved = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, or unreadable: typeset everything
            pass
        fresh = saved.get("fingerprint") == self.stamp
        self.entries: dict[str, dict] = saved.get("formulas", {}) if fresh else {}
        self.css: dict[str, str] = saved.get("css", {}) if fresh else {}
        self.used: set[str] = set()
        self.failed: dict[str, str] = {}

    @staticmethod
    def run(request: dict) -> dict:
        done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(request),
                              capture_output=True, text=True, cwd=SCRIPT.parent)
        if done.returncode != 0:
            raise ExtensionError(f"typesetting math with Node.js failed ({SCRIPT.name}):\n"
                                 f"{done.stderr.strip()}")
        return json.loads(done.stdout)

    def prepare(self, formulas: list[tuple[str, bool]]) -> None:
        """Typeset every formula not in the cache, in one Node.js run."""
        missing = {key(t, d): (t, d) for t, d in formulas
                   if key(t, d) not in self.entries and key(t, d) not in self.failed}
        if not missing:
            return
        answer = self.run({"formulas": [{"tex": t, "display": d} for t, d in missing.values()]})
        for k, result in zip(missing, answer["results"]):
            if "error" in result:
                self.failed[k] = result["error"]
            else:
                self.entries[k] = result

    def markup(self, tex: str, display: bool) -> str | None:
        """The formula's HTML, or None after a TeX error (see ``error``)."""
        k = key(tex, display)
        self.prepare([(tex, display)])
        if k in self.failed:
            return None
        self.used.add(k)
        return self.entries[k]["html"]

    def error(self, tex: str, display: bool) -> str:
        return self.failed[key(tex, display)]

    def stylesheet(self) -> str:
        """The CSS for the formulas used, made by Node.js only when they changed."""
        version = hashlib.sha1(" ".join(sorted(self.used)).encode()).hexdigest()
        if version not in self.css:
            usage = [self.entries[k]["usage"] for k in sorted(self.used)]
            css = self.run({"usage": usage, "fontURL": "woff-v2"})["css"]
            self.css = {version: " ".join(css.split())}
        return self.css[version]

    def save(self) -> None:
        """Keep what this build used (the cache does not grow with old formulas),
        by a rename: a build stopped while saving leaves the old cache whole."""
        entries = {k: self.entries[k] for k in sorted(self.used)}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        part = self.file.with_name(self.file.name + ".part")
        part.write_text(json.dumps({"fingerprint": self.stamp, "formulas": entries,
                                    "css": self.css}), encoding="utf-8")
        part.replace(self.file)


def typesetter(builder: Any) -> Typesetter:
    return builder._mathrender


def start(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    check_prerequisites()
    app.builder._mathrender = Typesetter(Path(app.doctreedir).parent / "mathjax-cache.json")


def collect(app: Sphinx, doctree: nodes.document) -> None:
    """While a page is read: note its formulas, to typeset all at once."""
    found = doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))
    formulas = getattr(app.env, "mathrender", {})
    formulas[app.env.docname] = [formula(n) for n in found]
    app.env.mathrender = formulas


def purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "mathrender", {}).pop(docname, None)


def merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.mathrender = {**getattr(env, "mathrender", {}), **getattr(other, "mathrender", {})}


def typeset_all(app: Sphinx, env: Any) -> None:
    """Before any page is written: typeset the new formulas (one Node.js run)
    and write the stylesheet, so that pages link it with its checksum."""
    if app.builder.format == "html":
        job = typesetter(app.builder)
        everything = [f for page in getattr(env, "mathrender", {}).values() for f in page]
        job.prepare(everything)
        job.used |= {key(*f) for f in everything} - set(job.failed)
        write_stylesheet(app, None)


def fail(self: Any, node: nodes.Element, tex: str, display: bool) -> str:
    logger.warning("TeX error in %r: %s", tex, typesetter(self.builder).error(tex, display),
                   location=node, type="mathrender", subtype="tex")
    return f'<span class="math-error">{self.encode(tex)}</span>'


def visit_math(self: Any, node: nodes.math) -> None:
    tex = node.astext()
    self.body.append(typesetter(self.builder).markup(tex, False) or fail(self, node, tex, False))
    raise nodes.SkipNode


def visit_displaymath(self: Any, node: nodes.math_block) -> None:
    tex = display_tex(node)
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node["number"] and not node["nowrap"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(typesetter(self.builder).markup(tex, True) or fail(self, node, tex, True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def link_stylesheet(app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: Any) -> None:
    """Pages with math load the stylesheet (Sphinx adds its checksum)."""
    if getattr(app.env, "mathrender", {}).get(pagename):
        app.add_css_file(STYLESHEET)


def characters(css: str) -> set[int]:
    """The code points the stylesheet draws (its ``content``), for the font subsets."""
    drawn: set[int] = set()
    for text in CONTENT.findall(css):
        text = CSS_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], text)
        drawn |= {ord(c) for c in text}
    return drawn


def cut_fonts(folder: Path, codepoints: set[int]) -> None:
    """MathJax's fonts, each with just ``codepoints`` (the others draw nothing here)."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)
    options = subset.Options()
    options.flavor, options.notdef_outline = "woff", True
    for source in FONTS.glob("*.woff"):
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        subset.save_font(font, str(folder / source.name), options)


def write_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """The book's math stylesheet and MathJax's fonts, into _static/mathjax/;
    at the end of the build again, in case a page met a formula of its own."""
    if exception is not None or app.builder.format != "html":
        return
    job = typesetter(app.builder)
    folder = Path(app.outdir) / "_static" / Path(STYLESHEET).parent
    fonts = folder / "woff-v2"
    fonts.mkdir(parents=True, exist_ok=True)
    css, target = job.stylesheet(), folder / Path(STYLESHEET).name
    missing = any(not (fonts / font.name).exists() for font in FONTS.glob("*.woff"))
    if missing or not target.exists() or target.read_text(encoding="utf-8") != css:
        cut_fonts(fonts, characters(css))
        target.write_text(css, encoding="utf-8")
    job.save()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_html_math_renderer("prerendered", (visit_math, None), (visit_displaymath, None))
    app.connect("builder-inited", start)
    app.connect("doctree-read", collect)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-updated", typeset_all)
    app.connect("html-page-context", link_stylesheet)
    app.connect("build-finished", write_stylesheet)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
