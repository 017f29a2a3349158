"""Sphinx checks for the book's own rules, reported as warnings.

Under the strict build (``-W``) a warning fails the build, so these rules
hold on every published page:

- every image is a figure with a caption;
- every image has alt text for readers who cannot see it.

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


def check_figures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for image, problem in figure_problems(doctree):
        logger.warning("image %s", problem, location=image, type="bookchecks", subtype="figure")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-resolved", check_figures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
