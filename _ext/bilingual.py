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
- offers the executed notebook, outputs included, as an ``.ipynb`` download
  in the header's download menu (sphinx-book-theme shows it when
  ``ipynb_source`` is set). MyST-NB's own copy in ``jupyter_execute/`` has no
  outputs when they come from the execution cache, so the outputs are merged
  from the cache here. The notebook archive and the slides read these files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "zh": "中文"}  # code -> the language's own name
SLIDES = {"en": "Slides", "zh": "幻灯片"}


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


def write_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    import nbformat

    for docname in sorted(app.env.found_docs):
        if not str(app.env.doc2path(docname)).endswith(".md"):
            continue
        try:
            notebook = executed_notebook(app, docname)
        except KeyError:
            logger.warning("%s: no executed notebook in the cache to offer for download",
                           docname, location=docname, type="bilingual", subtype="ipynb")
            continue
        target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(notebook), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-check-consistency", check_mirrors)
    # before sphinx-book-theme builds its header buttons from ipynb_source
    app.connect("html-page-context", add_page_context, priority=400)
    app.connect("build-finished", write_notebooks)
    app.add_js_file("language-switch.js")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
