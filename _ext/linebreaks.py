"""Inline math stays on the line of the punctuation that touches it.

A line of Chinese never starts with a closing mark (，。、；：！？）” …) and
never ends with an opening one (（“), and an English line never starts with
a comma or a closing parenthesis. Browsers keep to that between characters,
but not beside an atomic inline box, and inline math is one: the theme sets
``span.math`` to ``display: inline-flex`` (pydata-sphinx-theme), and MathJax's
output is an inline-block besides. Chromium offers a line break on both sides
of such a box, so ``$x$，`` could put the ``，`` at the start of the next line.

The fix is made where the break comes from, in the document: every inline
math node is wrapped, together with the punctuation right after it (and an
opening bracket or quote right before it), in an inline element of class
``nobreak`` that ``linebreaks.css`` sets ``white-space: nowrap``. The math
node itself is left as it is, inside the wrapper, so that whatever renders
math later (MathJax in the browser, or math rendered at build time from the
docutils nodes) finds it and renders it in place. Both languages get it.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

CLASS = "nobreak"


def closing(char: str) -> bool:
    """Punctuation that may not start a line: closing brackets and quotes, commas,
    full stops, colons, dashes... (Unicode's Pe, Pf, Po and Pd)."""
    return unicodedata.category(char) in {"Pe", "Pf", "Po", "Pd"}


def opening(char: str) -> bool:
    """Punctuation that may not end a line: opening brackets and quotes (Ps, Pi)."""
    return unicodedata.category(char) in {"Ps", "Pi"}


def leading(text: str, test) -> int:
    """How many characters at the start of ``text`` pass ``test``."""
    n = 0
    while n < len(text) and test(text[n]):
        n += 1
    return n


def trailing(text: str, test) -> int:
    """How many characters at the end of ``text`` pass ``test``."""
    n = 0
    while n < len(text) and test(text[len(text) - 1 - n]):
        n += 1
    return n


def keep_together(math: nodes.math) -> bool:
    """Wrap ``math`` with the punctuation that touches it; True if there was any."""
    parent = math.parent
    index = parent.index(math)
    before = parent[index - 1] if index > 0 else None
    after = parent[index + 1] if index + 1 < len(parent) else None
    head = trailing(before, opening) if isinstance(before, nodes.Text) else 0
    tail = leading(after, closing) if isinstance(after, nodes.Text) else 0
    if not head and not tail:
        return False
    wrapper = nodes.inline(classes=[CLASS])
    if head:
        rest = str(before)[:-head]
        wrapper += nodes.Text(str(before)[-head:])
        if rest:
            parent.replace(before, nodes.Text(rest))
        else:
            parent.remove(before)
    parent.replace(math, wrapper)
    wrapper += math
    if tail:
        rest = str(after)[tail:]
        wrapper += nodes.Text(str(after)[:tail])
        if rest:
            parent.replace(after, nodes.Text(rest))
        else:
            parent.remove(after)
    return True


class KeepMathWithPunctuation(SphinxTransform):
    """Wrap each inline math node with the punctuation that touches it."""

    # Early, right after parsing: any later step that renders math nodes
    # (Sphinx's MathJax output, or math rendered at build time) finds them
    # inside the wrapper and renders them there.
    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        for math in list(self.document.findall(nodes.math)):
            keep_together(math)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(KeepMathWithPunctuation)
    app.add_css_file("linebreaks.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
