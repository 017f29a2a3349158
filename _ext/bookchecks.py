"""Sphinx checks for the book's own rules, reported as warnings.

Under the strict build (``-W``) a warning fails the build, so these rules
hold on every published page:

- every image is a figure with a caption;
- every image has alt text for readers who cannot see it;
- every code cell that declares a figure (``mystnb: figure: name:``) produced
  one: a cell that drew nothing (say, under a non-inline matplotlib backend)
  would otherwise just leave its figure out of the page.

Notebook outputs get both from their cell's metadata::

    ```{code-cell}
    :mystnb:
    :  figure:
    :    caption: What the figure shows.
    :    name: fig-some-name
    :  image:
    :    alt: What a reader who cannot see it needs to know.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def figure_problems(doctree: nodes.Node) -> Iterator[tuple[nodes.image, str]]:
    """Yield ``(image, problem)`` for each image that breaks the rules."""
    for image in doctree.findall(nodes.image):
        if not str(image.get("alt", "")).strip():
            yield image, "has no alt text (add `image: alt:` to the cell's mystnb metadata)"
        parent = image.parent
        if not isinstance(parent, nodes.figure) or not any(
            isinstance(child, nodes.caption) and child.astext().strip() for child in parent
        ):
            yield image, "is not a figure with a caption (add `figure: caption:` to the cell)"


def declared_figures(source: str) -> list[str]:
    """The figure names that the code cells of a MyST notebook page declare."""
    import jupytext

    notebook = jupytext.reads(source, fmt="md:myst")
    return [cell.metadata["mystnb"]["figure"]["name"] for cell in notebook.cells
            if cell.cell_type == "code"
            and "name" in cell.metadata.get("mystnb", {}).get("figure", {})]


def check_figures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for image, problem in figure_problems(doctree):
        logger.warning("image %s", problem, location=image, type="bookchecks", subtype="figure")
    source = Path(app.env.doc2path(docname))
    if source.suffix == ".md":
        drawn = {n for figure in doctree.findall(nodes.figure) for n in figure["names"]}
        for name in declared_figures(source.read_text(encoding="utf-8")):
            if nodes.fully_normalize_name(name) not in drawn:
                logger.warning("the cell declaring figure %r drew no image", name,
                               location=docname, type="bookchecks", subtype="figure")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-resolved", check_figures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
