"""The book in two languages: mirror links, mirror checks, notebook downloads.

The English and the Chinese book are two Sphinx builds of the same tree
(``tools/build_site.py``), placed side by side as ``en/`` and ``zh/``. For each
page ``chapters/<lang>/<name>``, this extension

- puts a link to its mirror ``chapters/<other>/<name>`` in the page header
  (template ``language-switch.html``), and warns when the mirror's source
  file does not exist, which fails the strict build. The link keeps the
  reader's place: ``static/language-switch.js`` points it at the section at
  the top of the window, by the id of its place (``sectionids.py``). The
  search page links to the other language's search page, with the query;
- puts a link to the page's lecture slides, ``slides/<lang>/<name>.html``
  (written by ``tools/slides.py``), in the page header too;
- offers the page as a reader's notebook, outputs included, as an
  ``.ipynb`` download in the header's download menu (sphinx-book-theme shows
  it when ``ipynb_source`` is set), and d2lmini's wheel next to it, which
  the notebook's first cell installs. The notebook is made from the
  executed page (MyST-NB's own copy in ``jupyter_execute/`` has no outputs
  when they come from the execution cache, so they are merged from the
  cache here) by ``reader_notebook.py``, with the titles and numbers that
  this build gave every label. The full executed notebook, slide cells and
  speaker notes included, is kept outside the site for the slides.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "zh": "中文"}  # code -> the language's own name
SLIDES = {"en": "Slides", "zh": "幻灯片"}
WHEEL = {"en": "Download d2lmini, the package the notebook imports (put it next to the notebook)",
         "zh": "下载 Jupyter 记事本所导入的 d2lmini 安装包（放在记事本旁边）"}


def page_language(app: Sphinx) -> str:
    """'en' or 'zh', from the build's ``language`` setting (``zh_CN`` -> ``zh``)."""
    return (app.config.language or "en").split("_")[0]


def mirror_docname(docname: str, lang: str, other: str) -> str | None:
    """``chapters/en/basics`` -> ``chapters/zh/basics``; None outside chapters."""
    prefix = f"chapters/{lang}/"
    return f"chapters/{other}/{docname[len(prefix):]}" if docname.startswith(prefix) else None


def mirror_url(docname: str, other: str, mirror: str) -> str:
    """Relative URL from ``<lang>/<docname>.html`` to ``<other>/<mirror>.html``."""
    return "../" * (docname.count("/") + 1) + f"{other}/{mirror}.html"


def check_mirrors(app: Sphinx, env: Any) -> None:
    lang = page_language(app)
    for docname in sorted(env.found_docs):
        for other in LANGUAGES:
            mirror = mirror_docname(docname, lang, other) if other != lang else None
            if mirror and not (Path(app.srcdir) / f"{mirror}.md").exists():
                logger.warning("%s has no mirror: write %s.md", docname, mirror,
                               location=docname, type="bilingual", subtype="mirror")


def add_page_context(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> None:
    lang = page_language(app)
    links = []
    for other, name in LANGUAGES.items():
        mirror = mirror_docname(pagename, lang, other) if other != lang else None
        if mirror:  # keeps the section the reader is in (language-switch.js)
            links.append({"lang": other, "name": name, "keep": "section",
                          "url": mirror_url(pagename, other, mirror)})
        elif pagename == "search" and other != lang:  # keeps the query
            links.append({"lang": other, "name": name, "keep": "query",
                          "url": mirror_url(pagename, other, pagename)})
    context["language_links"] = links
    if pagename.startswith(f"chapters/{lang}/"):  # its deck: slides/<lang>/, beside the books
        name = pagename.rsplit("/", 1)[-1]
        context["slides_link"] = {"text": SLIDES[lang],
                                  "url": "../" * (pagename.count("/") + 1) + f"slides/{lang}/{name}.html"}
    if str(app.env.doc2path(pagename)).endswith(".md"):
        context["ipynb_source"] = f"{pagename}.ipynb"


def executed_notebook(app: Sphinx, docname: str) -> Any:
    """The page as a notebook, with the outputs its execution left in the cache."""
    import jupytext
    from jupyter_cache import get_cache

    notebook = jupytext.read(app.env.doc2path(docname))
    _, executed = get_cache(app.config.nb_execution_cache_path).merge_match_into_notebook(notebook)
    return executed


def book_of(app: Sphinx) -> Any:
    """Every label's title or number as this build shows it, for reader_notebook."""
    from sphinx.locale import admonitionlabels

    from reader_notebook import ADMONITIONS, Book
    from zhrefs import quoted

    env, lang = app.env, page_language(app)
    targets: dict[str, list[str]] = {}
    for label, (docname, node_id, title) in env.domaindata["std"]["labels"].items():
        numbers = env.toc_fignumbers.get(docname, {})
        kind = next((k for k in ("figure", "exercise") if node_id in numbers.get(k, {})), None)
        if kind:
            targets[label] = [kind, ".".join(map(str, numbers[kind][node_id]))]
        elif title:  # a bare {ref} to a section: its title, quoted in Chinese (zhrefs)
            zh_section = lang == "zh" and label.startswith("sec-")
            targets[label] = ["section", quoted(str(title)) if zh_section else str(title)]
    for label, (docname, number) in env.domaindata["math"]["objects"].items():
        numbers = env.toc_fignumbers.get(docname, {}).get("displaymath", {})
        targets[label] = ["equation", ".".join(map(str, numbers.get(f"equation-{label}",
                                                                     (number,))))]
    formats = {kind: str(app.config.numfig_format.get(kind, kind.capitalize() + " %s"))
               for kind in ("figure", "exercise")}
    formats.update({name: str(admonitionlabels[name]) for name in ADMONITIONS})
    return Book(lang=lang, targets=targets, formats=formats)


def write_if_changed(path: Path, text: str) -> None:
    """Leave an unchanged file alone, so the site's copy skips it (tools/sync.py)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def serve_wheel(app: Sphinx, folders: set[Path]) -> None:
    """d2lmini's wheel beside the notebooks, where their first cell looks for it."""
    wheel = Path(app.config.d2lmini_wheel) if app.config.d2lmini_wheel else None
    if wheel is None:
        return
    if not wheel.exists():
        logger.warning("no d2lmini wheel at %s: build it with tools/package.py (make book "
                       "does)", wheel, type="bilingual", subtype="wheel")
        return
    for folder in folders:
        for old in folder.glob("d2lmini-*.whl"):
            if old.name != wheel.name:
                old.unlink()
        target = folder / wheel.name
        if not target.exists() or target.read_bytes() != wheel.read_bytes():
            shutil.copyfile(wheel, target)


def write_notebooks(app: Sphinx, exception: Exception | None) -> None:
    """Each page's notebook twice: the reader's, served, and the full one, private.

    The served ``_sources/<page>.ipynb`` is what a reader downloads
    (reader_notebook.py: no slide cells, plain Markdown, an install cell).
    The slides need every cell, speaker notes included, and the numbers and
    titles the references resolve to: those go to ``executed/`` beside the
    site, not in it (tools/slides.py reads them).
    """
    if exception is not None or app.builder.format != "html":
        return
    import nbformat

    from reader_notebook import reader_notebook

    book = book_of(app)
    private = Path(app.outdir).parent / "executed"
    write_if_changed(private / "book.json", book.dumps())
    folders = set()
    for docname in sorted(app.env.found_docs):
        if not str(app.env.doc2path(docname)).endswith(".md"):
            continue
        try:
            notebook = executed_notebook(app, docname)
        except KeyError:
            logger.warning("%s: no executed notebook in the cache to offer for download",
                           docname, location=docname, type="bilingual", subtype="ipynb")
            continue
        write_if_changed(private / f"{docname}.ipynb", nbformat.writes(notebook))
        try:
            reader = reader_notebook(notebook, book, docname)
        except ValueError as error:
            logger.warning("%s", error, location=docname, type="bilingual", subtype="ipynb")
            continue
        target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        write_if_changed(target, nbformat.writes(reader))
        folders.add(target.parent)
    serve_wheel(app, folders)


def add_wheel_download(app: Sphinx, pagename: str, templatename: str,
                       context: dict[str, Any], doctree: Any) -> None:
    """Offer d2lmini's wheel in the header's download menu, next to the .ipynb."""
    wheel = app.config.d2lmini_wheel
    if not (wheel and context.get("ipynb_source")):
        return
    folder = context["ipynb_source"].rpartition("/")[0]
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        at = next((i + 1 for i, b in enumerate(group["buttons"])
                   if b.get("label") == "download-notebook-button"), 0)
        group["buttons"].insert(at, {
            "type": "link", "text": ".whl", "icon": "fas fa-box",
            "url": f"{context['pathto']('_sources', 1)}/{folder}/{Path(wheel).name}",
            "tooltip": WHEEL[page_language(app)], "label": "download-wheel-button"})


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-check-consistency", check_mirrors)
    # before sphinx-book-theme builds its header buttons from ipynb_source
    app.connect("html-page-context", add_page_context, priority=400)
    app.connect("html-page-context", add_wheel_download, priority=600)  # after the theme's
    app.connect("build-finished", write_notebooks)
    # the wheel the site serves beside the notebooks (tools/build_site.py sets it)
    app.add_config_value("d2lmini_wheel", "", "html")
    app.add_js_file("language-switch.js")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
