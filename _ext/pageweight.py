"""What a first visit downloads, and what holds up its first paint.

- The executed notebooks carry the ipywidgets state of the explorers' live
  views (22 to 50 KB per page), which MyST-NB embeds in the page for a
  widget manager. The book loads no widget manager: the explorers run from
  their own HTML and JavaScript (d2lmini/explore/), so the state is dead
  weight and is left out. The notebooks themselves keep it.
- Figures (``_images/``) get ``loading="lazy"``, so that a reader at the
  top of a page does not download the figures further down, and their
  width and height, so that the browser reserves their box (with the
  theme's ``height: auto``, their proportions) and the text does not jump
  when they arrive.
- The scripts of Sphinx and its extensions that only act once the page is
  parsed (search-term highlighting, copy buttons, solution toggles, the
  book theme's helpers) move from the head to the end of the page, deferred
  (``scripts_at_end``, written by _ext/templates/layout.html): in the head
  each one stopped the parser until it had arrived, and even deferred they
  took 40 KB of a slow link before the text. They run when they did, once
  the page is parsed. documentation_options.js stays first and synchronous:
  the page's inline scripts use what it defines.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

IMG = re.compile(r'<img (?P<before>[^>]*?)src="(?P<src>[^"]*_images/(?P<name>[^"]+))"'
                 r'(?P<after>[^>]*?)/?>')
SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"',
                      re.S)
PX_PER = {"pt": 96 / 72, "px": 1.0, None: 1.0}
# moved in the order the page had them: translations.js (Chinese pages) needs doctools.js
DEFERRED = ("doctools.js", "sphinx_highlight.js", "translations.js", "clipboard.min.js",
            "copybutton.js", "sphinx-book-theme.js", "togglebutton.js")


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height in CSS pixels of an SVG (its width/height) or a PNG."""
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return struct.unpack(">II", head[16:24])
    match = SVG_SIZE.search(head.decode("utf-8", "replace"))
    if match:
        w, wu, h, hu = match.groups()
        return round(float(w) * PX_PER[wu]), round(float(h) * PX_PER[hu])
    return None


def lazy_images(body: str, sources: dict[str, Path]) -> str:
    """Every figure of ``body`` with loading="lazy" and its size."""

    def rewrite(match: re.Match) -> str:
        tag = match.group(0)
        if "loading=" in tag:
            return tag
        size = image_size(sources[match["name"]]) if match["name"] in sources else None
        extra = f' width="{size[0]}" height="{size[1]}"' if size else ""
        return (f'<img {match["before"]}src="{match["src"]}"{match["after"].rstrip()}'
                f' loading="lazy" decoding="async"{extra} />')

    return IMG.sub(rewrite, body)


def deferred(js: Any) -> bool:
    return (js.filename or "").split("?")[0].endswith(DEFERRED)


def with_defer(js: Any) -> Any:
    from sphinx.builders.html._assets import _JavaScript

    return _JavaScript(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})


def slim_page(app: Sphinx, pagename: str, templatename: str,
              context: dict[str, Any], doctree: Any) -> None:
    from myst_nb.sphinx_ import NbMetadataCollector

    if app.builder.format != "html":
        return
    NbMetadataCollector.get_js_files(app.env, pagename).pop("ipywidgets_state", None)
    if "body" in context:
        sources = {name: Path(app.srcdir, uri) for uri, name in app.builder.images.items()}
        context["body"] = lazy_images(context["body"], sources)


def defer_page_scripts(app: Sphinx, pagename: str, templatename: str,
                       context: dict[str, Any], doctree: Any) -> None:
    """Move ``DEFERRED`` from the head to the end of the page, with ``defer``;
    not on the search page, whose search scripts in the head need doctools.js."""
    scripts = context.get("script_files")
    if scripts and pagename != "search":  # the builder's own list, restored after the page
        context["scripts_at_end"] = [with_defer(js) for js in scripts if deferred(js)]
        scripts[:] = [js for js in scripts if not deferred(js)]


def setup(app: Sphinx) -> dict[str, Any]:
    # before MyST-NB adds the page's scripts (priority 500); the scripts are
    # moved once every extension has added its own
    app.connect("html-page-context", slim_page, priority=400)
    app.connect("html-page-context", defer_page_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
