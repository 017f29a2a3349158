"""The build's own rule: every image is a captioned figure with alt text."""

from __future__ import annotations

import sys
from pathlib import Path

from docutils import nodes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
from bookchecks import declared_figures, figure_problems  # noqa: E402


def page(*children: nodes.Node) -> nodes.section:
    return nodes.section("", *children)


def test_a_captioned_figure_with_alt_text_passes():
    figure = nodes.figure("", nodes.image(uri="a.svg", alt="A falling curve."),
                          nodes.caption(text="The loss."))
    assert list(figure_problems(page(figure))) == []


def test_an_image_without_alt_text_is_reported():
    figure = nodes.figure("", nodes.image(uri="a.svg"), nodes.caption(text="The loss."))
    assert [p for _, p in figure_problems(page(figure))] == [
        "has no alt text (add `image: alt:` to the cell's mystnb metadata)"]


def test_a_bare_image_or_an_empty_caption_is_reported():
    bare = nodes.image(uri="a.svg", alt="A curve.")
    empty = nodes.figure("", nodes.image(uri="b.svg", alt="A curve."), nodes.caption(text=" "))
    problems = [p for _, p in figure_problems(page(bare, empty))]
    assert len(problems) == 2 and all("caption" in p for p in problems)


def test_figures_declared_by_code_cells_are_found():
    page = """---
jupytext:
  text_representation:
    format_name: myst
---
# A page

```{code-cell} ipython3
:mystnb:
:  figure:
:    caption: A curve.
:    name: fig-curve
:  image:
:    alt: A rising line.

plot()
```

```{code-cell} ipython3
print(1)
```
"""
    assert declared_figures(page) == ["fig-curve"]
