"""Section ids that are the same in both languages: ``#section-2-1``.

The language switch should land the reader in the section they were
reading, not at the top of a 13,000-pixel page. A section's own id comes
from its title (``leaky-averages``; ``id3`` for a Chinese title), so the two
languages name the same section differently. Its place does not differ: a
page and its mirror have the same headings (``tests/test_mirror.py``), so
"the first subsection of the second section" is the same section in both.
Every section below the page title gets that place as an extra id,
``section-2-1``, next to its own; the target needs no JavaScript to scroll
there. ``static/language-switch.js`` (added by ``bilingual.py``) points the
switch at the place of the section at the top of the window as the reader
scrolls.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)
PREFIX = "section-"


def place_id(path: list[int]) -> str:
    """``[2, 1]`` (the first subsection of the second section) -> ``section-2-1``."""
    return PREFIX + "-".join(map(str, path))


def places(parent: nodes.Element, path: list[int]) -> list[tuple[str, nodes.section]]:
    """(place id, section) for every section below ``parent``, in document order."""
    found = []
    subsections = [child for child in parent.children if isinstance(child, nodes.section)]
    for number, section in enumerate(subsections, start=1):
        here = [*path, number]
        found.append((place_id(here), section))
        found.extend(places(section, here))
    return found


class AddPlaceIds(SphinxTransform):
    """Give every section below the page title its place as an extra id."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        for top in [c for c in self.document.children if isinstance(c, nodes.section)]:
            for pid, section in places(top, []):
                if pid in self.document.ids:
                    logger.warning("the id %r is already used on this page (a label, or a "
                                   "second page title?): %s ids mark the sections' places, "
                                   "rename the other one", pid, PREFIX, location=section,
                                   type="sectionids")
                    continue
                section["ids"].append(pid)
                self.document.ids[pid] = section


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(AddPlaceIds)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
